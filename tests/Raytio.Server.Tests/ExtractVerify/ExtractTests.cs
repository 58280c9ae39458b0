using System.Net;
using System.Text.Json.Nodes;
using ImageMagick;
using ImageMagick.Drawing;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Server.Tests.ExtractVerify.ExtractVerifyClient;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>
/// Operation 102 on generated driver licences (tests/Raytio.Clarity.Tests/Documents) with a model
/// trained on one of them and stored as the caller's ss_Clarity_Model_01 object, then the whole
/// pipeline extract -> map -> verify_sign -> verify_field; models the caller may not view, and bad input.
/// </summary>
public sealed class ExtractTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_licence_image_is_read_mapped_signed_and_goes_through_the_whole_pipeline()
    {
        var user = await GraphUser.CreateAsync(app);
        await app.StoreLicenceModelAsync(user);
        var licence = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(7), new Distortion(3, 1.2, false, 90));

        var extracted = await (await ExtractAsync(user, Licence, licence.Jpeg)).AssertOkAsync();

        Assert.Equal(Licence, extracted.GetProperty("data").GetProperty("schema_name")[0].GetString());
        var given = licence.Fields["first_names"].Split(' ');
        var expected = new JsonObject
        {
            ["licence_number"] = licence.Fields["licence_number"],
            ["licence_version"] = licence.Fields["card_version"],
            ["first_given_name"] = given[0],
            ["last_name"] = licence.Fields["surname"],
            ["date_of_birth"] = Iso(licence.Fields["date_of_birth"]),
            ["expiry_date"] = Iso(licence.Fields["expiry_date"]),
        };
        if (given.Length > 1)
        {
            expected["middle_names"] = given[1];
        }
        var documentData = JsonNode.Parse(extracted.DocumentData().GetRawText())!.AsObject();
        Assert.True(JsonNode.DeepEquals(expected, documentData), $"expected {expected.ToJsonString()}, read {documentData.ToJsonString()}");

        var mapped = await (await app.MapAsync(JsonNode.Parse(extracted.GetRawText())!, user.Bearer)).AssertOkAsync();
        Assert.True(JsonNode.DeepEquals(documentData, JsonNode.Parse(mapped.DocumentData().GetRawText())));
        var verifications = (await (await app.VerifySignAsync(JsonNode.Parse(mapped.GetRawText())!, user.Bearer)).AssertOkAsync()).ByField();
        Assert.Equal("not_found", verifications["last_name"].Data.GetProperty("metadata").GetProperty("record_status").GetString());
        var check = await (await app.VerifyFieldAsync(new[]
        {
            new { n_id = verifications["last_name"].NId, data_to_verify = new[] { new { value = licence.Fields["surname"] } } },
        }, user.Bearer)).AssertOkAsync();
        Assert.True(check[0].GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Another_users_private_model_is_not_used_and_an_image_no_model_fits_is_422()
    {
        var (owner, other) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        // The owner's model places its frame by the label "Version"; the image lacks the shipped model's anchor C.
        await app.StoreLicenceModelAsync(owner, anchorC: "Version");
        var licence = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(11), Distortion.None);
        var withoutAnchorC = Covered(licence.Jpeg, CardLayouts.DriverLicence.AnchorC);

        await (await ExtractAsync(other, Licence, withoutAnchorC)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "document_not_recognised");
        var read = await (await ExtractAsync(owner, Licence, withoutAnchorC)).AssertOkAsync();
        Assert.Equal(licence.Fields["licence_number"], read.DocumentData().GetProperty("licence_number").GetString());
        await (await ExtractAsync(owner, Licence, Raytio.Server.Tests.Mrz.MrzUploads.Blank())).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "document_not_recognised");
    }

    [Fact]
    public async Task A_passport_is_read_with_the_shipped_model_and_its_machine_readable_zone_confirms_the_fields()
    {
        var user = await GraphUser.CreateAsync(app);
        var passport = DocumentGenerator.Generate(DocumentKind.NzPassport, new Random(31), Distortion.None);

        var extracted = await (await ExtractAsync(user, Passport, passport.Jpeg)).AssertOkAsync();

        var data = extracted.DocumentData();
        Assert.Equal(passport.Fields["document_number"], data.GetProperty("passport_number").GetString());
        Assert.Equal(passport.Fields["surname"], data.GetProperty("last_name").GetString());
        var mrz = extracted.GetProperty("data").GetProperty("mrz");
        Assert.True(mrz.GetProperty("valid").GetBoolean());
        var confirmed = mrz.GetProperty("confirmed").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("document_number", confirmed);
        Assert.Contains("surname", confirmed);
        Assert.Contains("date_of_birth", confirmed);
        Assert.Empty(mrz.GetProperty("corrected").EnumerateArray());
        // The report is signed with the data: 104 accepts the document as answered.
        await (await app.MapAsync(JsonNode.Parse(extracted.GetRawText())!, user.Bearer)).AssertOkAsync();
    }

    /// <summary>The image with the words of <paramref name="phrase"/> painted over in the card's colour (what a sticker or a glare would do).</summary>
    private static byte[] Covered(byte[] jpeg, string phrase)
    {
        var label = CardLayouts.DriverLicence.Labels.Single(l => l.Text == phrase);
        using var image = new MagickImage(jpeg);
        var (left, baseline) = (label.X + DocumentGenerator.Margin, label.Baseline + DocumentGenerator.Margin);
        new Drawables().FillColor(new MagickColor(CardLayouts.DriverLicence.Background))
            .Rectangle(left - 8, baseline - label.Size * 1.6, left + label.Size * phrase.Length, baseline + label.Size * 0.5).Draw(image);
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    [Fact]
    public async Task Bad_input_is_a_clear_4xx()
    {
        var user = await GraphUser.CreateAsync(app);
        await app.StoreLicenceModelAsync(user);
        var jpeg = Convert.ToBase64String(DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(3), Distortion.None).Jpeg);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { form_data = new[] { Convert.ToBase64String("not an image"u8.ToArray()) }, schema_name = Licence }, "form_data[0]"),
            (new { form_data = new[] { "%%%" }, schema_name = Licence }, "form_data[0]"),
            (new { form_data = Array.Empty<string>(), schema_name = Licence }, "form_data"),
            (new { form_data = Enumerable.Repeat(jpeg, 5).ToArray(), schema_name = Licence }, "form_data"),
            (new { form_data = new[] { jpeg }, schema_name = "ss_No_Such_Schema" }, "schema_name"),
            (new { form_data = new[] { jpeg } }, "schema_name"),
            (new { form_data = new[] { jpeg }, schema_name = Licence, org_id = "nope" }, "org_id"),
        })
        {
            var error = await (await app.PostJsonAsync("/extract_verify/v1/extract", body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        }
        await (await app.PostJsonAsync("/extract_verify/v1/extract", new { form_data = new[] { jpeg }, schema_name = Licence, org_id = Guid.NewGuid() }, user.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await ExtractAsync(null, Licence, [1])).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await ExtractAsync(user, Licence, Huge())).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
    }

    private Task<HttpResponseMessage> ExtractAsync(GraphUser? user, string schema, byte[] image) =>
        app.PostJsonAsync("/extract_verify/v1/extract", new { form_data = new[] { Convert.ToBase64String(image) }, schema_name = new[] { schema } }, user?.Bearer);

    /// <summary>A PNG declaring 20000 x 20000 pixels: refused from its header.</summary>
    internal static byte[] Huge()
    {
        using var image = new MagickImage(MagickColors.White, 20_000, 1);
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    /// <summary>"14/03/1988" (how the generator prints card dates) as ISO 8601.</summary>
    private static string Iso(string cardDate) =>
        DateOnly.ParseExact(cardDate, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
