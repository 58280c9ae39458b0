using System.Net;
using System.Text.Json;
using Raytio.Clarity.Tests.Imaging;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Mrz;

/// <summary>The addition POST /clarity/{version}/mrz over HTTP; the reader itself is tested in Raytio.Clarity.Tests.</summary>
public sealed class MrzEndpointTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Reads_the_zone_of_a_document_photo()
    {
        var user = await GraphUser.CreateAsync(app);
        var document = MrzUploads.Document(seed: 11);

        var body = await (await app.PostAsync(MrzUploads.Body(document.Data), user.Bearer)).AssertOkAsync();

        // The wire shape and the fields the check digits vouch for; the reader's accuracy on
        // names is measured in Raytio.Clarity.Tests and bench/mrz.
        Assert.Equal(document.Format.ToString(), body.GetProperty("format").GetString());
        Assert.Equal(document.Lines[^1], body.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).Last());
        var fields = body.GetProperty("fields");
        Assert.Equal(document.Fields.DocumentNumber, fields.GetProperty("document_number").GetString());
        Assert.Equal(document.Fields.DateOfBirth!.Value.ToString("yyyy-MM-dd"), fields.GetProperty("date_of_birth").GetString());
        Assert.Equal(document.Fields.ExpiryDate!.Value.ToString("yyyy-MM-dd"), fields.GetProperty("expiry_date").GetString());
        Assert.Equal(
            ["document_type", "issuing_country", "surname", "given_names", "document_number", "nationality", "date_of_birth", "sex",
                "expiry_date", "optional_data"],
            fields.EnumerateObject().Select(p => p.Name));
        var checks = body.GetProperty("checks");
        Assert.True(checks.GetProperty("document_number").GetBoolean());
        Assert.True(checks.GetProperty("date_of_birth").GetBoolean());
        Assert.True(checks.GetProperty("expiry_date").GetBoolean());
        Assert.True(checks.GetProperty("composite").GetBoolean());
        Assert.Contains(body.GetProperty("valid").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task Answers_422_when_the_image_has_no_zone()
    {
        var user = await GraphUser.CreateAsync(app);

        await (await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "mrz_not_found");
    }

    [Theory]
    [InlineData("""[]""", "file")]
    [InlineData("""{"image":{}}""", "file")]
    [InlineData("""{"file":{"content_type":"image/jpeg"}}""", "file.data")]
    [InlineData("""{"file":{"data":"AAAA"}}""", "file.content_type")]
    [InlineData("""{"file":{"content_type":"image/gif","data":"AAAA"}}""", "file.content_type")]
    [InlineData("""{"file":{"content_type":"image/jpeg","data":"not base64!"}}""", "file.data")]
    [InlineData("""{"file":{"content_type":"image/jpeg","data":"aGVsbG8sIHdvcmxk"}}""", "file.data")]
    public async Task Names_the_field_that_is_wrong(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.PostAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }

    [Fact]
    public async Task Refuses_huge_dimensions_before_decoding_them()
    {
        var user = await GraphUser.CreateAsync(app);

        await (await app.PostAsync(MrzUploads.Body(TestImages.PngBomb(40_000, 40_000), "image/png"), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
    }

    [Fact]
    public async Task Requires_a_bearer()
    {
        await (await app.PostAsync(MrzUploads.Body(MrzUploads.Blank()), null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
