using System.Net;
using System.Text.Json;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;

namespace Raytio.Server.Tests.Clarity;

/// <summary>Operation 103 over HTTP: train on one image, save, extract others of the layout with the saved model.</summary>
public sealed class ClarityTrainTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Trains_on_one_card_saves_the_model_and_extracts_another_card_with_it()
    {
        var user = await GraphUser.CreateAsync(app);
        var training = DocumentGenerator.Generate(DocumentKind.CommunityServicesCard, new Random(3), Distortion.None);
        var body = ClarityUploads.TrainBody(DocumentKind.CommunityServicesCard, training.Jpeg,
            new { name = "CSC trained in a test", model_start_date = "2020-01-01", country = "NZ", model_refiner = "Community Services Card" });

        var trained = await (await app.TrainAsync(body, user.Bearer)).AssertOkAsync();

        var properties = trained.GetProperty("properties");
        Assert.Equal("COMMUNITY", properties.GetProperty("anchor_a").GetString());
        Assert.Equal(3, properties.GetProperty("norm").GetArrayLength());
        Assert.Equal(0, properties.GetProperty("angle").GetDouble(), 1);
        Assert.Equal(4, properties.GetProperty("image_components").GetProperty("csc_card").GetArrayLength());
        var verified = await (await app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify",
            JsonSerializer.Serialize(new[] { new { data = properties, signature = trained.GetProperty("signature").GetString() } }), user.Bearer))
            .AssertOkAsync();
        Assert.True(verified[0].GetProperty("verified").GetBoolean());

        var model = Guid.Parse(trained.GetProperty("n_id").GetString()!);
        var other = ClarityUploads.Document(DocumentKind.CommunityServicesCard, seed: 44, angle: -4, scale: 1.2);
        var extracted = await (await app.ExtractAsync(ClarityUploads.ExtractBody(other.Jpeg, model), user.Bearer)).AssertOkAsync();
        foreach (var (name, expected) in other.Fields)
            Assert.Equal(expected, ClarityUploads.Field(extracted, name));
    }

    [Fact]
    public async Task Without_a_model_object_nothing_is_saved_and_only_the_geometry_is_answered()
    {
        var user = await GraphUser.CreateAsync(app);
        var training = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(4), Distortion.None);

        var trained = await (await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, training.Jpeg), user.Bearer)).AssertOkAsync();

        Assert.False(trained.TryGetProperty("n_id", out _));
        var properties = trained.GetProperty("properties");
        Assert.False(properties.TryGetProperty("name", out _));
        var table = properties.GetProperty("table_components").GetProperty("classes");
        Assert.Equal([0.25, 0.35, 0.4], table.GetProperty("cols").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public async Task Anchors_missing_from_the_image_answer_422()
    {
        var user = await GraphUser.CreateAsync(app);
        var body = ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, MrzUploads.Blank());

        await (await app.TrainAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "anchors_not_found");
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var body = ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, MrzUploads.Blank());
        await (await app.TrainAsync(body, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("image", null, "image")]
    [InlineData("image", "%%%", "image")]
    [InlineData("image", "aGVsbG8=", "image")]
    [InlineData("anchor_a", null, "anchor_a")]
    [InlineData("anchor_c", "", "anchor_c")]
    [InlineData("components", null, "components")]
    [InlineData("components", "[]", "components")]
    [InlineData("components", """[{"name":"a","type":"text","x1":10,"y1":10,"x2":5,"y2":20}]""", "components[0]")]
    [InlineData("components", """[{"name":"a","type":"sound","x1":1,"y1":1,"x2":5,"y2":5}]""", "components[0].type")]
    [InlineData("components", """[{"name":"t","type":"table","x1":1,"y1":1,"x2":5,"y2":5,"rows":[1]}]""", "components[0].cols")]
    [InlineData("components", """[{"name":"a","type":"text","x1":1,"y1":1,"x2":5,"y2":5},{"name":"a","type":"text","x1":1,"y1":1,"x2":5,"y2":5}]""", "components[1].name")]
    [InlineData("ocr", """[{"text":"A","left":1,"top":1,"width":0,"height":5}]""", "ocr[0]")]
    [InlineData("model", """{"model_start_date":"2020-01-01"}""", "model.name")]
    [InlineData("model", """{"name":"x"}""", "model.model_start_date")]
    [InlineData("model", """{"name":"x","model_start_date":"1 Jan 2020"}""", "model.model_start_date")]
    public async Task Bad_input_answers_400_naming_the_field(string property, string? json, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var training = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(5), Distortion.None);
        var body = ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, training.Jpeg);
        body[property] = json is null ? null
            : property is "image" or "anchor_a" or "anchor_c" ? json
            : JsonDocument.Parse(json).RootElement;

        var error = await (await app.TrainAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }
}
