using System.Text;

namespace Berth.Engine.Distribution;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge (RFC 7235): a scheme (<c>Basic</c>, <c>Bearer</c>) and its parameters
/// (<c>realm</c>, <c>service</c>, <c>scope</c>), as registries send them.
/// </summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses every challenge of the header values; malformed parts are skipped.</summary>
    public static IReadOnlyList<AuthChallenge> ParseAll(IEnumerable<string> headerValues)
    {
        var result = new List<AuthChallenge>();
        foreach (var header in headerValues)
        {
            var i = 0;
            while (i < header.Length)
            {
                SkipSeparators(header, ref i);
                var scheme = ReadToken(header, ref i);
                if (scheme.Length == 0) break;
                var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    SkipWhitespace(header, ref i);
                    var save = i;
                    var name = ReadToken(header, ref i);
                    SkipWhitespace(header, ref i);
                    if (name.Length == 0 || i >= header.Length || header[i] != '=')
                    {
                        i = save; // the next challenge's scheme
                        break;
                    }
                    i++;
                    SkipWhitespace(header, ref i);
                    parameters[name] = i < header.Length && header[i] == '"' ? ReadQuoted(header, ref i) : ReadToken(header, ref i);
                    SkipWhitespace(header, ref i);
                    if (i < header.Length && header[i] == ',') i++;
                }
                result.Add(new AuthChallenge(scheme, parameters));
            }
        }
        return result;
    }

    private static void SkipWhitespace(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
    }

    private static void SkipSeparators(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or ',') i++;
    }

    private static string ReadToken(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is not (' ' or '\t' or ',' or '=' or '"')) i++;
        return s[start..i];
    }

    private static string ReadQuoted(string s, ref int i)
    {
        var text = new StringBuilder();
        i++; // opening quote
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\' && i + 1 < s.Length) i++;
            text.Append(s[i++]);
        }
        if (i < s.Length) i++; // closing quote
        return text.ToString();
    }
}
