using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Clarity;

/// <summary>
/// Operation 103 with a <c>format</c> on text components: the formats become the model's signed
/// text_component_formats, are saved with it, and correct what extraction with that model reads.
/// </summary>
public sealed class ClarityTrainFormatTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const DocumentKind Licence = DocumentKind.NzDriverLicence;

    private static readonly Dictionary<string, string> Formats = new()
    {
        ["surname"] = "letters",
        ["first_names"] = "letters",
        ["date_of_birth"] = "99/99/9999",
        ["expiry_date"] = "99/99/9999",
        ["licence_number"] = "AA999999",
        ["card_version"] = "999",
    };

    [Fact]
    public async Task Formats_are_signed_saved_with_the_model_and_correct_what_it_extracts()
    {
        var user = await GraphUser.CreateAsync(app);
        var training = DocumentGenerator.Generate(Licence, new Random(6), Distortion.None).Jpeg;
        var trained = await (await app.TrainAsync(ClarityUploads.TrainBody(Licence, training, Described("formatted"), Formats), user.Bearer))
            .AssertOkAsync();
        var plain = await (await app.TrainAsync(ClarityUploads.TrainBody(Licence, training, Described("plain")), user.Bearer)).AssertOkAsync();

        var properties = JsonNode.Parse(trained.GetProperty("properties").GetRawText())!.AsObject();
        Assert.Equal(Formats, FormatsOf(properties));
        Assert.False(plain.GetProperty("properties").TryGetProperty("text_component_formats", out _));
        var signature = trained.GetProperty("signature").GetString();
        Assert.True(await VerifiesAsync(properties, signature, user));
        properties["text_component_formats"]!["licence_number"] = "XX999999";
        Assert.False(await VerifiesAsync(properties, signature, user));
        var saved = await (await app.GetAsync($"/db/v1/profile_objects/{trained.GetProperty("n_id").GetString()}", user.Bearer)).AssertOkAsync();
        Assert.Equal(Formats, FormatsOf(JsonNode.Parse(saved.GetProperty("properties").GetRawText())!.AsObject()));

        // Another card of the layout, read in full with the formatted model.
        var other = ClarityUploads.Document(Licence, seed: 46, angle: -3, scale: 1.1);
        var read = await (await app.ExtractAsync(ClarityUploads.ExtractBody(other.Jpeg, ModelId(trained)), user.Bearer)).AssertOkAsync();
        foreach (var (name, expected) in other.Fields)
            Assert.Equal(expected, ClarityUploads.Field(read, name));

        // A card printing letters where the number holds digits and a digit where the surname holds a
        // letter (S and 5, B and 8: confusions Tesseract keeps, where it settles O and 0 by context):
        // the plain model answers them as printed, the formatted one corrects them.
        var confused = DocumentGenerator.Generate(Licence, new Random(47), new Distortion(2, 0.9, false, 88),
            new Dictionary<string, string> { ["licence_number"] = "LA1SB234", ["surname"] = "5MITH", ["card_version"] = "B61" });
        var asPrinted = await (await app.ExtractAsync(ClarityUploads.ExtractBody(confused.Jpeg, ModelId(plain)), user.Bearer)).AssertOkAsync();
        Assert.Equal(["LA1SB234", "5MITH", "B61"], new[] { "licence_number", "surname", "card_version" }.Select(f => ClarityUploads.Field(asPrinted, f)));
        var corrected = await (await app.ExtractAsync(ClarityUploads.ExtractBody(confused.Jpeg, ModelId(trained)), user.Bearer)).AssertOkAsync();
        Assert.Equal(["LA158234", "SMITH", "861"], new[] { "licence_number", "surname", "card_version" }.Select(f => ClarityUploads.Field(corrected, f)));
    }

    [Theory]
    [InlineData("text", "aa99")]
    [InlineData("text", "names")]
    [InlineData("text", "")]
    [InlineData("text", 7)]
    [InlineData("image", "letters")]
    public async Task A_bad_format_answers_400_naming_the_component_and_the_field(string type, object format)
    {
        var user = await GraphUser.CreateAsync(app);
        var body = ClarityUploads.TrainBody(Licence, DocumentGenerator.Generate(Licence, new Random(5), Distortion.None).Jpeg);
        body["components"] = new[]
        {
            new Dictionary<string, object?> { ["name"] = "surname", ["type"] = "text", ["x1"] = 1, ["y1"] = 1, ["x2"] = 5, ["y2"] = 5, ["format"] = "letters" },
            new Dictionary<string, object?> { ["name"] = "odd_one", ["type"] = type, ["x1"] = 1, ["y1"] = 1, ["x2"] = 5, ["y2"] = 5, ["format"] = format },
        };

        var error = await (await app.TrainAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var message = Assert.Single(error.GetProperty("errors").GetProperty("components[1].format").EnumerateArray()).GetString();
        Assert.Contains("'odd_one'", message);
    }

    private static object Described(string name) => new { name = $"Licence {name}", model_start_date = "2020-01-01" };

    private static Guid ModelId(JsonElement trained) => Guid.Parse(trained.GetProperty("n_id").GetString()!);

    private static Dictionary<string, string> FormatsOf(JsonObject properties) =>
        properties["text_component_formats"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());

    /// <summary>Operation 105 on the properties as training answered them.</summary>
    private async Task<bool> VerifiesAsync(JsonObject properties, string? signature, GraphUser user)
    {
        var body = new JsonArray(new JsonObject { ["data"] = properties.DeepClone(), ["signature"] = signature });
        var answer = await (await app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify", body.ToJsonString(), user.Bearer)).AssertOkAsync();
        return answer[0].GetProperty("verified").GetBoolean();
    }
}
