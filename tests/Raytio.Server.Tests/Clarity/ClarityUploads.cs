using System.Text.Json;
using Raytio.Clarity.Models;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Clarity;

/// <summary>Generated documents and request bodies for operations 101 and 103.</summary>
internal static class ClarityUploads
{
    public const string ExtractPath = "/clarity/v1/extract";
    public const string TrainPath = "/clarity/v1/train";

    public static Guid ShippedId(string file) => ShippedModels.All.Single(m => m.File == file).Id;

    public static Guid LicenceModel => ShippedId("nz_driver_licence.json");

    /// <summary>A generated document, turned a little and slightly smaller, as a phone would take it.</summary>
    public static GeneratedDocument Document(DocumentKind kind, int seed, double angle = 3, double scale = 0.9) =>
        DocumentGenerator.Generate(kind, new Random(seed), new Distortion(angle, scale, Noisy: false, JpegQuality: 88));

    public static string ExtractBody(byte[] image, Guid modelId, string? orgId = null, string contentType = "image/jpeg") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["file"] = new { content_type = contentType, filename = "document.jpg", data = Convert.ToBase64String(image) },
            ["model_id"] = modelId.ToString(),
            ["org_id"] = orgId,
        });

    /// <summary>A training body for an undistorted generated document, with every component the generator drew.</summary>
    /// <param name="formats">Formats to declare for some text components (their <c>format</c>).</param>
    public static Dictionary<string, object?> TrainBody(DocumentKind kind, byte[] image, object? model = null,
        IReadOnlyDictionary<string, string>? formats = null)
    {
        var layout = CardLayouts.For(kind);
        return new Dictionary<string, object?>
        {
            ["image"] = Convert.ToBase64String(image),
            ["anchor_a"] = layout.AnchorA,
            ["anchor_c"] = layout.AnchorC,
            ["components"] = DocumentGenerator.Components(kind).Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["x1"] = c.Box.X,
                ["y1"] = c.Box.Y,
                ["x2"] = c.Box.X + c.Box.Width,
                ["y2"] = c.Box.Y + c.Box.Height,
                ["cols"] = c.Type == "table" ? layout.Table!.Cols : null,
                ["rows"] = c.Type == "table" ? Enumerable.Repeat(1.0 / layout.Table!.Rows, layout.Table.Rows).ToList() : null,
                ["format"] = formats?.GetValueOrDefault(c.Name),
            }).ToList(),
            ["model"] = model,
        };
    }

    public static Task<HttpResponseMessage> ExtractAsync(this RaytioFactory app, string body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, ExtractPath, body, bearer);

    public static Task<HttpResponseMessage> TrainAsync(this RaytioFactory app, object body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, TrainPath, JsonSerializer.Serialize(body), bearer);

    /// <summary>The words read for a text component, joined as the document prints them.</summary>
    public static string Field(JsonElement answer, string name) =>
        string.Join(' ', answer.GetProperty("text").GetProperty(name).EnumerateArray().Select(w => w.GetString()));
}
