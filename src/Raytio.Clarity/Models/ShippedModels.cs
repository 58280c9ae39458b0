using System.Reflection;
using System.Text.Json.Nodes;

namespace Raytio.Clarity.Models;

/// <summary>
/// The models shipped with the library (Models/Shipped/*.json, embedded): the synthetic NZ
/// passport, NZ driver licence and the reference's Community Services Card layout, each trained
/// on one generated image by bench/clarity (`train-shipped`). Each has a fixed n_id, so a caller
/// names it as <c>model_id</c> like a model stored as a profile object.
/// </summary>
public static class ShippedModels
{
    public sealed record Shipped(Guid Id, string File, ClarityModel Model, JsonObject Properties);

    public static IReadOnlyList<Shipped> All { get; } = Load();

    public static Shipped? Find(Guid id) => All.FirstOrDefault(m => m.Id == id);

    private static List<Shipped> Load()
    {
        var assembly = typeof(ShippedModels).Assembly;
        const string prefix = "Raytio.Clarity.Models.Shipped.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name, name[prefix.Length..]))
            .ToList();
    }

    private static Shipped Read(Assembly assembly, string resource, string file)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        var json = JsonNode.Parse(stream)!.AsObject();
        var properties = json["properties"]!.AsObject();
        return new Shipped(Guid.Parse(json["n_id"]!.GetValue<string>()), file, ClarityModelJson.Read(properties), properties);
    }
}
