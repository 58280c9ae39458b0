using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;
using Raytio.Clarity.Training;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Signing;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>Operations 104, 106 and 107 as the tests call them, and extracted data signed as operation 102 would answer it.</summary>
internal static class ExtractVerifyClient
{
    public const string Passport = "ss_NZ_Passport_19";
    public const string Licence = "ss_NZ_DriverLicence_22";

    /// <summary>`{data: {schema_name: [schema], document_data}, signature}` signed by the host's key, as an extraction answers.</summary>
    public static Task<JsonObject> SignedExtractionAsync(this RaytioFactory app, string schema, object documentData) =>
        app.SignedDataAsync(new JsonObject
        {
            ["schema_name"] = new JsonArray(schema),
            ["document_data"] = documentData as JsonNode ?? JsonSerializer.SerializeToNode(documentData),
        });

    /// <summary>`{data, signature}` with the data signed by the host's key.</summary>
    public static async Task<JsonObject> SignedDataAsync(this RaytioFactory app, JsonObject data)
    {
        var copy = data.DeepClone();
        var signature = await app.Services.GetRequiredService<Signer>().SignCanonicalAsync(JsonCanonicalizer.Canonicalize(copy), CancellationToken.None);
        return new JsonObject { ["data"] = copy, ["signature"] = signature };
    }

    public static Task<HttpResponseMessage> MapAsync(this RaytioFactory app, JsonNode body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/map", body.ToJsonString(), bearer);

    public static Task<HttpResponseMessage> VerifySignAsync(this RaytioFactory app, JsonNode body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify_sign", body.ToJsonString(), bearer);

    public static Task<HttpResponseMessage> VerifyFieldAsync(this RaytioFactory app, object body, string? bearer) =>
        app.SendAsync(HttpMethod.Post, "/extract_verify/v1/verify_field", JsonContent.Create(body), bearer);

    /// <summary>The document data of a mapped answer.</summary>
    public static JsonElement DocumentData(this JsonElement answer) => answer.GetProperty("data").GetProperty("document_data");

    /// <summary>The mapped and signed answer of operation 104, checked to be 200.</summary>
    public static async Task<JsonElement> MappedAsync(this RaytioFactory app, string schema, object documentData, string bearer) =>
        await (await app.MapAsync(await app.SignedExtractionAsync(schema, documentData), bearer)).AssertOkAsync();

    /// <summary>Each verification of a verify_sign answer by field: (data without value, signature, n_id).</summary>
    public static Dictionary<string, (JsonElement Data, string Signature, string NId)> ByField(this JsonElement answer) =>
        answer.EnumerateArray().ToDictionary(
            item => item.GetProperty("field")[0].GetString()!,
            item =>
            {
                var verification = Assert.Single(item.GetProperty("verifications").EnumerateArray());
                return (verification.GetProperty("data"), verification.GetProperty("signature").GetString()!, verification.GetProperty("n_id").GetString()!);
            });

    /// <summary>
    /// A driver-licence model trained (ClarityTrainer) on a clean generated licence
    /// (tests/Raytio.Clarity.Tests/Documents), stored as the user's ss_Clarity_Model_01 object.
    /// </summary>
    /// <param name="anchorC">Anchor C when not the layout's (a model the shipped licence model is not).</param>
    public static async Task StoreLicenceModelAsync(this RaytioFactory app, GraphUser user, string? anchorC = null)
    {
        const DocumentKind kind = DocumentKind.NzDriverLicence;
        var layout = CardLayouts.For(kind);
        var document = DocumentGenerator.Generate(kind, new Random(1), Distortion.None);
        using var image = new MagickImage(document.Jpeg);
        var components = DocumentGenerator.Components(kind).Where(c => c.Type is "text" or "image").Select(c => new TrainingComponent(
            c.Name, Enum.Parse<ComponentType>(c.Type, ignoreCase: true), c.Box.X, c.Box.Y, c.Box.X + c.Box.Width, c.Box.Y + c.Box.Height)).ToList();
        var geometry = await new ClarityTrainer(new TesseractEngine()).TrainAsync(image, null, layout.AnchorA, anchorC ?? layout.AnchorC, components, CancellationToken.None);
        var properties = ClarityModelJson.Write(geometry.ToModel(kind.ToString(), new DateOnly(2020, 1, 1), refiner: layout.Refiner));
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects",
            new JsonObject { ["schema"] = "ss_Clarity_Model_01", ["properties"] = properties }.ToJsonString(), user.Bearer)).AssertOkAsync();
    }

    public static bool Passed(this (JsonElement Data, string Signature, string NId) verification) => verification.Data.GetProperty("passed").GetBoolean();
}
