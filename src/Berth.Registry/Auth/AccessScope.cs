namespace Berth.Registry.Auth;

/// <summary>A scope as the token spec writes it: <c>repository:name:pull,push</c> or <c>registry:catalog:*</c>.</summary>
public sealed record AccessScope(string Type, string Name, IReadOnlyList<string> Actions)
{
    public override string ToString() => $"{Type}:{Name}:{string.Join(',', Actions)}";

    /// <summary>Parses one scope; the name may itself hold colons (the type is before the first, actions after the last).</summary>
    public static AccessScope? TryParse(string text)
    {
        var first = text.IndexOf(':', StringComparison.Ordinal);
        var last = text.LastIndexOf(':');
        if (first <= 0 || last <= first) return null;
        var actions = text[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AccessScope(text[..first], text[(first + 1)..last], actions);
    }
}
