using System.Text;
using Berth.Api;
using Berth.Daemon.Api.Distribution;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Tests.Api.Distribution;

public sealed class RegistryAuthHeaderTests
{
    private static HttpContext WithHeader(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[RegistryAuthHeader.HeaderName] = value;
        return context;
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    [Fact]
    public void Username_and_password_decode_from_base64url_json_with_or_without_padding()
    {
        var credentials = RegistryAuthHeader.Read(WithHeader(Base64Url("""{"username":"alice","password":"p?>s","serveraddress":"127.0.0.1:5000"}""")));
        Assert.Equal("alice", credentials!.Username);
        Assert.Equal("p?>s", credentials.Password);
    }

    [Fact]
    public void An_auth_field_stands_for_user_and_password_and_empty_headers_are_anonymous()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:pw:with:colons"));
        var credentials = RegistryAuthHeader.ToCredentials(new AuthConfig { Auth = auth });
        Assert.Equal("bob", credentials!.Username);
        Assert.Equal("pw:with:colons", credentials.Password);
        Assert.Null(RegistryAuthHeader.Read(WithHeader(Base64Url("{}"))));
        Assert.Null(RegistryAuthHeader.Read(new DefaultHttpContext()));
    }

    [Fact]
    public void Progress_text_is_dockerds_bar_and_sizes()
    {
        Assert.Equal("[=========================>                         ]  1.049MB/2.097MB", ProgressText.Format(1 << 20, 2 << 20));
        Assert.Equal("[==================================================>]  2.097MB/2.097MB", ProgressText.Format(2 << 20, 2 << 20));
        Assert.Equal("", ProgressText.Format(0, 0));
    }
}
