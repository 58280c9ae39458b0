using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Clarity.Training;

namespace Raytio.Clarity.Models;

/// <summary>
/// Reads and writes a model's properties as the JSON of an ss_Clarity_Model_01 profile object.
/// Reading checks every property and names the first wrong one.
/// </summary>
public static class ClarityModelJson
{
    /// <summary>More components than any document has; bounds the work one extraction does.</summary>
    public const int MaxComponents = 64;

    private const double FractionTolerance = 0.02;

    /// <exception cref="ClarityModelFormatException">A property is missing or malformed.</exception>
    public static ClarityModel Read(JsonObject properties)
    {
        var model = ReadWithoutFormats(properties);
        return model with { TextFormats = Formats(properties["text_component_formats"], model.TextComponents) };
    }

    private static ClarityModel ReadWithoutFormats(JsonObject properties) => new()
    {
        Name = RequiredText(properties, "name"),
        Description = OptionalText(properties, "description"),
        Country = OptionalText(properties, "country"),
        AnchorA = RequiredText(properties, "anchor_a"),
        AnchorC = RequiredText(properties, "anchor_c"),
        Norm = ReadNorm(properties["norm"]),
        Angle = Number(properties["angle"], "angle"),
        ModelRefiner = OptionalText(properties, "model_refiner"),
        ModelStartDate = Date(properties["model_start_date"], "model_start_date")
            ?? throw new ClarityModelFormatException("model_start_date", "model_start_date is required."),
        ModelEndDate = Date(properties["model_end_date"], "model_end_date"),
        TextComponents = Boxes(properties["text_components"], "text_components", required: true),
        ImageComponents = Boxes(properties["image_components"], "image_components", required: false),
        TableComponents = Tables(properties["table_components"]),
        MrzComponents = Boxes(properties["mrz_components"], "mrz_components", required: false),
    };

    /// <summary>The model's properties in the reference's shape (norm as an array of integers).</summary>
    public static JsonObject Write(ClarityModel model)
    {
        var properties = new JsonObject { ["name"] = model.Name };
        if (model.Description is { } description)
            properties["description"] = description;
        if (model.Country is { } country)
            properties["country"] = country;
        if (model.ModelRefiner is { } refiner)
            properties["model_refiner"] = refiner;
        properties["model_start_date"] = model.ModelStartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (model.ModelEndDate is { } end)
            properties["model_end_date"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (key, value) in WriteGeometry(new TrainedGeometry(model.AnchorA, model.AnchorC, model.Norm, model.Angle,
                     model.TextComponents, model.ImageComponents, model.TableComponents, model.MrzComponents, model.TextFormats)).ToList())
            properties[key] = value?.DeepClone();
        return properties;
    }

    /// <summary>The properties training computes: anchors, norm, angle, components and the text components' formats.</summary>
    public static JsonObject WriteGeometry(TrainedGeometry geometry)
    {
        var properties = new JsonObject
        {
            ["anchor_a"] = geometry.AnchorA,
            ["anchor_c"] = geometry.AnchorC,
            ["norm"] = new JsonArray(geometry.Norm.ToArray().Select(n => (JsonNode)n).ToArray()),
            ["angle"] = geometry.Angle,
            ["text_components"] = WriteBoxes(geometry.TextComponents),
        };
        if (geometry.ImageComponents.Count > 0)
            properties["image_components"] = WriteBoxes(geometry.ImageComponents);
        if (geometry.TableComponents.Count > 0)
        {
            var tables = new JsonObject();
            foreach (var (name, table) in geometry.TableComponents)
                tables[name] = new JsonObject
                {
                    ["ratios"] = NumberArray(table.Ratios.ToArray()),
                    ["cols"] = NumberArray(table.Cols),
                    ["rows"] = NumberArray(table.Rows),
                };
            properties["table_components"] = tables;
        }
        if (geometry.MrzComponents.Count > 0)
            properties["mrz_components"] = WriteBoxes(geometry.MrzComponents);
        if (geometry.TextFormats.Count > 0)
        {
            var formats = new JsonObject();
            foreach (var (name, format) in geometry.TextFormats)
                formats[name] = format.Pattern;
            properties["text_component_formats"] = formats;
        }
        return properties;
    }

    private static JsonObject WriteBoxes(IReadOnlyDictionary<string, FrameBox> boxes)
    {
        var written = new JsonObject();
        foreach (var (name, box) in boxes)
            written[name] = NumberArray(box.ToArray());
        return written;
    }

    private static JsonArray NumberArray(IEnumerable<double> numbers) =>
        new(numbers.Select(n => (JsonNode)Math.Round(n, 6)).ToArray());

    private static string RequiredText(JsonObject properties, string field) =>
        OptionalText(properties, field) ?? throw new ClarityModelFormatException(field, $"{field} is required.");

    private static string? OptionalText(JsonObject properties, string field)
    {
        var node = properties[field];
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Trim().Length == 0)
            throw new ClarityModelFormatException(field, $"{field} must be a non-empty string.");
        return node.GetValue<string>().Trim();
    }

    private static double Number(JsonNode? node, string field)
    {
        if (node is null || node.GetValueKind() != JsonValueKind.Number)
            throw new ClarityModelFormatException(field, $"{field} must be a number.");
        // Parsed from the node's text: a node built from an int holds no double to get.
        var value = double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
            throw new ClarityModelFormatException(field, $"{field} must be a finite number.");
        return value;
    }

    /// <summary>An array of three integers; the reference's example writes it as a string "[138, 587, 403]", read too.</summary>
    private static ModelNorm ReadNorm(JsonNode? node)
    {
        const string field = "norm";
        if (node is not null && node.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(node.GetValue<string>());
            }
            catch (JsonException)
            {
                throw new ClarityModelFormatException(field, "norm must be an array of three integers [unit, dx, dy].");
            }
        }
        if (node is not JsonArray { Count: 3 } array)
            throw new ClarityModelFormatException(field, "norm must be an array of three integers [unit, dx, dy].");
        var values = array.Select(n => Number(n, field)).ToArray();
        if (values.Any(v => v != Math.Floor(v) || Math.Abs(v) > 1_000_000))
            throw new ClarityModelFormatException(field, "norm must hold integers.");
        var norm = new ModelNorm((int)values[0], (int)values[1], (int)values[2]);
        if (norm.Unit <= 0 || norm.Length < 1)
            throw new ClarityModelFormatException(field, "norm's unit must be positive and anchor C must lie away from anchor A.");
        return norm;
    }

    private static DateOnly? Date(JsonNode? node, string field)
    {
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.String
            || !DateOnly.TryParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ClarityModelFormatException(field, $"{field} must be a date written YYYY-MM-DD.");
        return date;
    }

    private static Dictionary<string, FrameBox> Boxes(JsonNode? node, string field, bool required)
    {
        if (node is null && !required)
            return [];
        if (node is not JsonObject components)
            throw new ClarityModelFormatException(field, $"{field} must be an object of boxes [x1, y1, x2, y2].");
        if (components.Count > MaxComponents)
            throw new ClarityModelFormatException(field, $"{field} has more than {MaxComponents} components.");
        return components.ToDictionary(c => c.Key, c => Box(c.Value, $"{field}.{c.Key}"), StringComparer.Ordinal);
    }

    private static FrameBox Box(JsonNode? node, string field)
    {
        if (node is not JsonArray { Count: 4 } array)
            throw new ClarityModelFormatException(field, $"{field} must be an array of four numbers [x1, y1, x2, y2].");
        var v = array.Select(n => Number(n, field)).ToArray();
        if (v[0] >= v[2] || v[1] >= v[3])
            throw new ClarityModelFormatException(field, $"{field} must have x1 < x2 and y1 < y2.");
        return new FrameBox(v[0], v[1], v[2], v[3]);
    }

    private static Dictionary<string, TextFormat> Formats(JsonNode? node, IReadOnlyDictionary<string, FrameBox> textComponents)
    {
        const string field = "text_component_formats";
        if (node is null)
            return [];
        if (node is not JsonObject formats)
            throw new ClarityModelFormatException(field, "text_component_formats must be an object {text component name: format}.");
        var read = new Dictionary<string, TextFormat>(StringComparer.Ordinal);
        foreach (var (name, value) in formats)
        {
            var path = $"{field}.{name}";
            if (!textComponents.ContainsKey(name))
                throw new ClarityModelFormatException(path, $"{path} names no text component.");
            read[name] = ReadFormat(value, path);
        }
        return read;
    }

    /// <summary>One text component's format (the value of a text_component_formats entry), as models and training requests give it.</summary>
    /// <param name="path">The property's name in messages.</param>
    /// <exception cref="ClarityModelFormatException">Not a string, or no format; names <paramref name="path"/>.</exception>
    public static TextFormat ReadFormat(JsonNode? value, string path)
    {
        if (value is null || value.GetValueKind() != JsonValueKind.String)
            throw new ClarityModelFormatException(path, $"{path} must be a string.");
        return TextFormat.TryParse(value.GetValue<string>(), out var problem)
            ?? throw new ClarityModelFormatException(path, $"{path}: {problem}");
    }

    private static Dictionary<string, TableComponent> Tables(JsonNode? node)
    {
        const string field = "table_components";
        if (node is null)
            return [];
        if (node is not JsonObject tables)
            throw new ClarityModelFormatException(field, "table_components must be an object of tables {ratios, cols, rows}.");
        if (tables.Count > MaxComponents)
            throw new ClarityModelFormatException(field, $"table_components has more than {MaxComponents} tables.");
        var read = new Dictionary<string, TableComponent>(StringComparer.Ordinal);
        foreach (var (name, value) in tables)
        {
            var path = $"{field}.{name}";
            if (value is not JsonObject table)
                throw new ClarityModelFormatException(path, $"{path} must be an object {{ratios, cols, rows}}.");
            read[name] = new TableComponent(
                Box(table["ratios"], $"{path}.ratios"), Fractions(table["cols"], $"{path}.cols"), Fractions(table["rows"], $"{path}.rows"));
        }
        return read;
    }

    private static double[] Fractions(JsonNode? node, string field)
    {
        if (node is not JsonArray { Count: > 0 and <= MaxComponents } array)
            throw new ClarityModelFormatException(field, $"{field} must be an array of 1 to {MaxComponents} fractions.");
        var fractions = array.Select(n => Number(n, field)).ToArray();
        if (fractions.Any(f => f <= 0) || Math.Abs(fractions.Sum() - 1) > FractionTolerance)
            throw new ClarityModelFormatException(field, $"{field} must hold positive fractions that sum to 1.");
        return fractions;
    }
}
