using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>
/// Where operation 45 and ajv disagree, each pinned with the verdict of both sides and which one
/// draft-07 supports; the differential test's generator avoids these shapes.
/// </summary>
public sealed class AjvDeliberateDifferenceTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public static TheoryData<string, string, bool, bool> Differences => new()
    {
        // Draft-07 section 8.3: "All other properties in a "$ref" object MUST be ignored." ajv 8 applies them.
        { """{"properties":{"a":{"$ref":"#/definitions/s","maxLength":1}},"definitions":{"s":{"type":"string"}}}""", """{"a":"abc"}""", true, false },
        // JSON numbers are exact values; ajv compares JavaScript doubles, where 2^53 + 1 is 2^53.
        { """{"type":"integer","maximum":9007199254740992}""", "9007199254740993", false, true },
        // 0.3 is 3 times 0.1; ajv divides doubles (0.3 / 0.1 = 2.9999999999999996).
        { """{"multipleOf":0.1}""", "0.3", true, false },
        // An empty array contains nothing, whatever `items` says; ajv skips `contains` when `items` is a list.
        { """{"items":[{"type":"string"}],"contains":{"type":"number"}}""", "[]", false, true },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public async Task Operation_45_follows_draft_07_where_ajv_does_not(string schema, string document, bool ours, bool ajv)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var name = SchemaClient.NewName("difference");
        await app.CreatedAsync(user.IdentityToken, name, "us", schema);

        var served = await (await app.ValidateAsync(user.IdentityToken, "us", name, document)).AssertOkAsync();
        var independent = await AjvDifferentialTests.AjvVerdictsAsync([(schema, [document])]);

        Assert.Equal(ours, served.GetProperty("valid").GetBoolean());
        Assert.Equal(ajv, Assert.Single(Assert.Single(independent)));
    }

    [Theory]
    [InlineData("""{"maxLength":1}""", "\"\\ud83d\\ude00\"")]
    [InlineData("""{"maxLength":1}""", "\"e\\u0301\"")]
    [InlineData("""{"format":"date-time"}""", "\"2020-01-01T00:00:00\"")]
    [InlineData("""{"format":"date-time"}""", "\"2020-01-01t00:00:00z\"")]
    [InlineData("""{"format":"email"}""", "\"a..b@example.com\"")]
    [InlineData("""{"pattern":"^\\d+$"}""", "\"\\u0663\"")]
    [InlineData("""{"uniqueItems":true}""", "[1, 1.0]")]
    [InlineData("""{"type":"integer"}""", "1.0")]
    public async Task Edge_cases_get_the_same_verdict(string schema, string document)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var name = SchemaClient.NewName("edge");
        await app.CreatedAsync(user.IdentityToken, name, "us", schema);

        var served = await (await app.ValidateAsync(user.IdentityToken, "us", name, document)).AssertOkAsync();
        var independent = await AjvDifferentialTests.AjvVerdictsAsync([(schema, [document])]);

        Assert.Equal(Assert.Single(Assert.Single(independent)), served.GetProperty("valid").GetBoolean());
    }
}
