using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Berth.Core;

namespace Berth.Registry.Auth;

/// <summary>
/// Users from an htpasswd file with bcrypt hashes (<c>user:$2y$…</c>, also <c>$2a$</c>/<c>$2b$</c>). A bcrypt check
/// costs tens of milliseconds, so a successful (user, password) pair is remembered by its SHA-256 for the process's life.
/// </summary>
public sealed class Htpasswd
{
    private readonly Dictionary<string, string> _hashes;
    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    private Htpasswd(Dictionary<string, string> hashes) => _hashes = hashes;

    public IReadOnlyCollection<string> Users => _hashes.Keys;

    public static Htpasswd Load(string path)
    {
        if (!File.Exists(path)) throw BerthException.Invalid($"htpasswd file {path} does not exist");
        return Parse(File.ReadAllLines(path));
    }

    public static Htpasswd Parse(IEnumerable<string> lines)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw BerthException.Invalid($"htpasswd line {number}: expected user:hash");
            var hash = line[(colon + 1)..];
            if (!(hash.StartsWith("$2y$", StringComparison.Ordinal) || hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal)))
                throw BerthException.Invalid($"htpasswd line {number}: only bcrypt hashes ($2y$, $2a$, $2b$) are supported (htpasswd -B)");
            hashes[line[..colon]] = hash;
        }
        return new Htpasswd(hashes);
    }

    public bool Verify(string user, string password)
    {
        if (!_hashes.TryGetValue(user, out var hash)) return false;
        var key = user + "\0" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))) + "\0" + hash;
        if (_verified.ContainsKey(key)) return true;
        bool ok;
        try
        {
            ok = BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            ok = false;
        }
        if (ok) _verified.TryAdd(key, 0);
        return ok;
    }
}
