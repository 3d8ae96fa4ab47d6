using System.Globalization;
using System.Text;
using Berth.Registry.Http;
using Berth.Registry.Json;
using Microsoft.Extensions.Primitives;

namespace Berth.Registry.Auth;

/// <summary>
/// Who may do what: nobody is asked (no auth), HTTP Basic against htpasswd (every user may pull and push), or
/// Bearer tokens from <c>/token</c> that carry the scopes they grant. A refusal answers 401 UNAUTHORIZED with the
/// challenge a client follows (<c>WWW-Authenticate: Basic realm=…</c> or <c>Bearer realm=…,service=…,scope=…</c>).
/// </summary>
public sealed class RegistryAuthenticator
{
    private const string ClaimsItem = "berth.registry.claims";
    private readonly RegistryOptions _options;
    private readonly TokenService _tokens;

    public RegistryAuthenticator(RegistryOptions options)
    {
        _options = options;
        _tokens = new TokenService(options.Time);
        if (options.Auth == RegistryAuthMode.Basic && options.Users is null)
            throw new ArgumentException("basic auth needs an htpasswd file", nameof(options));
    }

    /// <summary>Checks the request against <paramref name="required"/> (null: only authentication); false after a 401 was written.</summary>
    public async Task<bool> AuthorizeAsync(HttpContext context, AccessScope? required)
    {
        switch (_options.Auth)
        {
            case RegistryAuthMode.None:
                return true;
            case RegistryAuthMode.Basic:
                if (BasicCredentials(context.Request.Headers.Authorization) is { } c && _options.Users!.Verify(c.User, c.Password)) return true;
                context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{_options.Service}\"";
                await RegistryResponses.WriteErrorAsync(context, new RegistryException(RegistryErrorCode.Unauthorized, "authentication required")).ConfigureAwait(false);
                return false;
            default:
                var claims = BearerClaims(context);
                if (claims is not null && (required is null || Grants(claims, required)))
                {
                    context.Items[ClaimsItem] = claims;
                    return true;
                }
                var challenge = $"Bearer realm=\"{context.Request.Scheme}://{context.Request.Host}/token\",service=\"{_options.Service}\"";
                if (required is not null) challenge += $",scope=\"{required}\"";
                if (claims is not null) challenge += ",error=\"insufficient_scope\"";
                context.Response.Headers.WWWAuthenticate = challenge;
                await RegistryResponses.WriteErrorAsync(context, new RegistryException(RegistryErrorCode.Unauthorized, "authentication required",
                    required?.ToString())).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>Whether an already authorized request may also pull <paramref name="repository"/> (cross-repository mount).</summary>
    public bool MayPull(HttpContext context, string repository) =>
        _options.Auth != RegistryAuthMode.Token
        || (context.Items[ClaimsItem] is TokenClaims claims && Grants(claims, new AccessScope("repository", repository, ["pull"])));

    /// <summary><c>GET /token?service=&amp;scope=…</c> (and the OAuth2 form POST): a token granting the requested scopes.</summary>
    public async Task HandleTokenRequestAsync(HttpContext context)
    {
        string subject = "anonymous";
        var scopes = new List<string>();
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (_options.Users is not null)
            {
                var user = form["username"].ToString();
                if (!_options.Users.Verify(user, form["password"].ToString()))
                {
                    await Refuse(context).ConfigureAwait(false);
                    return;
                }
                subject = user;
            }
            scopes.AddRange(SplitScopes(form["scope"]));
        }
        else
        {
            if (_options.Users is not null)
            {
                if (BasicCredentials(context.Request.Headers.Authorization) is not { } c || !_options.Users.Verify(c.User, c.Password))
                {
                    await Refuse(context).ConfigureAwait(false);
                    return;
                }
                subject = c.User;
            }
            scopes.AddRange(SplitScopes(context.Request.Query["scope"]));
        }

        var now = _options.Time.GetUtcNow();
        var claims = new TokenClaims { Subject = subject, ExpiresAt = (now + _options.TokenLifetime).ToUnixTimeSeconds() };
        foreach (var text in scopes)
        {
            if (AccessScope.TryParse(text) is not { } scope) continue;
            var allowed = scope.Type switch
            {
                "repository" => scope.Actions.Where(a => a is "pull" or "push" or "delete" or "*").ToList(),
                "registry" when scope.Name == "catalog" => scope.Actions.Where(a => a == "*").ToList(),
                _ => [],
            };
            if (allowed.Count > 0) claims.Access.Add(new TokenAccess { Type = scope.Type, Name = scope.Name, Actions = allowed });
        }
        var token = _tokens.Issue(claims);
        var response = new TokenResponse
        {
            Token = token,
            AccessToken = token,
            ExpiresIn = (int)_options.TokenLifetime.TotalSeconds,
            IssuedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        await RegistryResponses.WriteJsonAsync(context, StatusCodes.Status200OK, response, RegistryJsonContext.Default.TokenResponse).ConfigureAwait(false);
    }

    private Task Refuse(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{_options.Service}\"";
        return RegistryResponses.WriteErrorAsync(context, new RegistryException(RegistryErrorCode.Unauthorized, "authentication required"));
    }

    private static IEnumerable<string> SplitScopes(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private TokenClaims? BearerClaims(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? _tokens.Validate(header[7..].Trim()) : null;
    }

    private static bool Grants(TokenClaims claims, AccessScope required) =>
        required.Actions.All(action => claims.Access.Any(a => a.Type == required.Type && a.Name == required.Name
            && (a.Actions.Contains(action) || a.Actions.Contains("*") || (action == "delete" && a.Actions.Contains("push")))));

    private static (string User, string Password)? BasicCredentials(StringValues header)
    {
        var text = header.ToString();
        if (!text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
