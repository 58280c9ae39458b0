using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Domains;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 17's domain names and bodies: every bad one is 400 naming its field and stores nothing.</summary>
public sealed class DomainValidationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string SixtyThree = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk";

    [Theory]
    [InlineData("example.com")]
    [InlineData("a.b")]
    [InlineData("my-brand.co.nz")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("1password.com")]
    [InlineData("app.123.example.io")]
    [InlineData(SixtyThree + ".com")]
    public async Task Well_formed_domains_are_accepted(string domain)
    {
        var org = await app.CreateOrgAsync();
        await (await app.SetDomainAsync(org, domain, org.Admin.Bearer)).AssertOkAsync();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("192.168.1.10")]
    [InlineData("example.123")]
    [InlineData("-brand.com")]
    [InlineData("brand-.com")]
    [InlineData("br_and.com")]
    [InlineData("a..com")]
    [InlineData(".example.com")]
    [InlineData("example.com..")]
    [InlineData("bücher.example")]
    [InlineData("x" + SixtyThree + ".com")]
    [InlineData("[::1]")]
    public async Task Malformed_domains_are_400_naming_domain(string domain)
    {
        var org = await app.CreateOrgAsync();
        await AssertRejectedAsync(await app.SetDomainAsync(org, Uri.EscapeDataString(domain), org.Admin.Bearer), "domain");
        await AssertRejectedAsync(await app.GetAsync(org.DomainPath(Uri.EscapeDataString(domain)), org.Admin.Bearer), "domain");
        await AssertRejectedAsync(await app.PublicDomainAsync(Uri.EscapeDataString(domain)), "domain");
    }

    [Fact]
    public async Task Domains_are_at_most_253_characters()
    {
        var org = await app.CreateOrgAsync();
        var longest = string.Join('.', Enumerable.Repeat(SixtyThree, 3)) + "." + new string('b', 61);
        Assert.Equal(DomainNames.MaxLength, longest.Length);

        await (await app.SetDomainAsync(org, longest, org.Admin.Bearer)).AssertOkAsync();
        await AssertRejectedAsync(await app.SetDomainAsync(org, "c" + longest, org.Admin.Bearer), "domain");
    }

    [Theory]
    [InlineData("""{"name":5}""", "name")]
    [InlineData("""{"theme":[1,2]}""", "theme")]
    [InlineData("""{"theme":"dark"}""", "theme")]
    [InlineData("""{"logo":["https://cdn.example.com/a.png"]}""", "logo")]
    [InlineData("""{"logo":{"light":"javascript:alert(1)"}}""", "logo.light")]
    [InlineData("""{"logo":{"light":"data:image/png;base64,AAAA"}}""", "logo.light")]
    [InlineData("""{"logo":{"light":"https://user:pw@cdn.example.com/a.png"}}""", "logo.light")]
    [InlineData("""{"logo":{"light":"/relative.png"}}""", "logo.light")]
    [InlineData("""{"logo":{"light":42}}""", "logo.light")]
    [InlineData("""{"logo":{"light":""}}""", "logo.light")]
    public async Task Bad_bodies_are_400_naming_the_field_and_store_nothing(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await AssertRejectedAsync(await app.SendJsonTextAsync(HttpMethod.Post, org.DomainPath(domain), body, org.Admin.Bearer), field);
        Assert.False(await app.WithDbAsync(db => db.WhiteLabelDomains.AnyAsync(d => d.Domain == domain)));
    }

    [Fact]
    public async Task Limits_of_name_theme_and_logo_urls()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        var theme = new { css = new string('a', DomainRequest.MaxThemeBytes - """{"css":""}""".Length) };
        var url = "https://cdn.example.com/" + new string('a', DomainRequest.MaxLogoUrlLength - "https://cdn.example.com/".Length);

        await (await app.PostJsonAsync(org.DomainPath(domain), new { name = new string('n', DomainRequest.MaxNameLength), theme, logo = new { light = url } }, org.Admin.Bearer)).AssertOkAsync();
        await AssertRejectedAsync(await app.PostJsonAsync(org.DomainPath(domain), new { name = new string('n', DomainRequest.MaxNameLength + 1) }, org.Admin.Bearer), "name");
        await AssertRejectedAsync(await app.PostJsonAsync(org.DomainPath(domain), new { theme = new { css = theme.css + "a" } }, org.Admin.Bearer), "theme");
        await AssertRejectedAsync(await app.PostJsonAsync(org.DomainPath(domain), new { logo = new { light = url + "a" } }, org.Admin.Bearer), "logo.light");
        var tooMany = Enumerable.Range(0, DomainRequest.MaxLogos + 1).ToDictionary(i => $"logo{i}", _ => (string?)null);
        await AssertRejectedAsync(await app.PostJsonAsync(org.DomainPath(domain), new { logo = tooMany }, org.Admin.Bearer), "logo");
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body}");
    }
}
