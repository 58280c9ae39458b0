using System.Text;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Tests.Auth;

public sealed class BearerKidTests
{
    [Theory]
    [InlineData("""{"alg":"RS256","kid":"abc","typ":"JWT"}""", "abc")]
    [InlineData("""{"x5c":["a",{"kid":"nested"}],"kid":"outer"}""", "outer")]
    [InlineData("""{"alg":"RS256"}""", null)]
    [InlineData("""{"kid":42}""", null)]
    [InlineData("""["kid"]""", null)]
    [InlineData("""{"kid":""", null)]
    public void Reads_the_kid_of_the_header_only(string header, string? kid)
    {
        var token = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header)) + ".payload.signature";

        Assert.Equal(kid, BearerKid.Of("Bearer " + token));
        Assert.Equal(kid, BearerKid.Of("bearer  " + token + " "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer !!!.b.c")]
    [InlineData("Bearer no-dots")]
    public void Anything_else_has_no_kid(string? authorization) => Assert.Null(BearerKid.Of(authorization));
}
