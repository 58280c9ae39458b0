using System.Globalization;
using System.Text.Json;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Training;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>Reads the parts of Clarity request bodies, each failure a 400 naming its field.</summary>
internal static class ClarityRequests
{
    /// <summary>More words than any document shows; bounds the work of a training request.</summary>
    public const int MaxOcrWords = 10_000;

    public const int MaxComponents = ClarityModelJson.MaxComponents;
    public const int MaxTextLength = 200;

    public static JsonElement RequireObject(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("validation_failed", "The body must be a JSON object.");
        return body;
    }

    public static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw ApiException.Invalid(name, $"'{name}' must be a string.");
        return value.GetString();
    }

    public static string RequiredText(JsonElement body, string name, string field)
    {
        var text = body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(text))
            throw ApiException.Invalid(field, $"'{field}' is required: a non-empty string.");
        if (text.Length > MaxTextLength)
            throw ApiException.Invalid(field, $"'{field}' is longer than {MaxTextLength} characters.");
        return text;
    }

    public static byte[] Base64(string text, string field)
    {
        var bytes = new byte[text.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length == 0)
            throw ApiException.Invalid(field, $"'{field}' must be base64.");
        return bytes[..length];
    }

    /// <summary>Words as Tesseract's TSV gives them: <c>{text, left, top, width, height, conf?}</c> in the image's pixels.</summary>
    public static List<OcrWord>? Ocr(JsonElement body)
    {
        if (!body.TryGetProperty("ocr", out var ocr) || ocr.ValueKind == JsonValueKind.Null)
            return null;
        if (ocr.ValueKind != JsonValueKind.Array)
            throw ApiException.Invalid("ocr", "'ocr' must be an array of words {text, left, top, width, height}.");
        if (ocr.GetArrayLength() > MaxOcrWords)
            throw ApiException.Invalid("ocr", $"'ocr' has more than {MaxOcrWords} words.");
        var words = new List<OcrWord>();
        var index = 0;
        foreach (var word in ocr.EnumerateArray())
        {
            var field = $"ocr[{index++}]";
            if (word.ValueKind != JsonValueKind.Object)
                throw ApiException.Invalid(field, $"'{field}' must be an object {{text, left, top, width, height}}.");
            var text = RequiredText(word, "text", $"{field}.text");
            var left = Integer(word, "left", field);
            var top = Integer(word, "top", field);
            var width = Integer(word, "width", field);
            var height = Integer(word, "height", field);
            if (width <= 0 || height <= 0)
                throw ApiException.Invalid(field, $"'{field}' must have a positive width and height.");
            var confidence = word.TryGetProperty("conf", out var conf) && conf.ValueKind == JsonValueKind.Number ? conf.GetDouble() : 100;
            words.Add(new OcrWord(text, new PixelBox(left, top, width, height), confidence, 0, 0, 0));
        }
        return words;
    }

    /// <summary>Components <c>{name, type, x1, y1, x2, y2, cols?, rows?, format?}</c>; type is text, image, table or mrz.</summary>
    public static List<TrainingComponent> Components(JsonElement body)
    {
        if (!body.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array
            || components.GetArrayLength() == 0)
            throw ApiException.Invalid("components", "'components' is required: a non-empty array of {name, type, x1, y1, x2, y2}.");
        if (components.GetArrayLength() > MaxComponents)
            throw ApiException.Invalid("components", $"'components' has more than {MaxComponents} items.");
        var read = new List<TrainingComponent>();
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var field = $"components[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
                throw ApiException.Invalid(field, $"'{field}' must be an object {{name, type, x1, y1, x2, y2}}.");
            var name = RequiredText(component, "name", $"{field}.name");
            if (read.Any(c => c.Name == name))
                throw ApiException.Invalid($"{field}.name", $"'{field}.name' repeats the name '{name}'.");
            var type = RequiredText(component, "type", $"{field}.type").ToLowerInvariant() switch
            {
                "text" => ComponentType.Text,
                "image" => ComponentType.Image,
                "table" => ComponentType.Table,
                "mrz" => ComponentType.Mrz,
                _ => throw ApiException.Invalid($"{field}.type", $"'{field}.type' must be text, image, table or mrz."),
            };
            var (x1, y1, x2, y2) = (Number(component, "x1", field), Number(component, "y1", field), Number(component, "x2", field), Number(component, "y2", field));
            if (x1 >= x2 || y1 >= y2)
                throw ApiException.Invalid(field, $"'{field}' must have x1 < x2 and y1 < y2.");
            var cols = type == ComponentType.Table ? Fractions(component, "cols", field) : null;
            var rows = type == ComponentType.Table ? Fractions(component, "rows", field) : null;
            read.Add(new TrainingComponent(name, type, x1, y1, x2, y2, cols, rows, Format(component, type, name, field)));
        }
        return read;
    }

    /// <summary>
    /// A text component's optional <c>format</c>, read by the model parser's own rule (what it
    /// accepts in text_component_formats), so a trained model always reads back.
    /// </summary>
    private static TextFormat? Format(JsonElement component, ComponentType type, string name, string field)
    {
        if (!component.TryGetProperty("format", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        var path = $"{field}.format";
        if (type != ComponentType.Text)
            throw ApiException.Invalid(path, $"'{path}': only a text component takes a format; '{name}' is not one.");
        try
        {
            return ClarityModelJson.ReadFormat(JsonSerializer.SerializeToNode(value), path);
        }
        catch (ClarityModelFormatException e)
        {
            throw ApiException.Invalid(path, $"Text component '{name}': {e.Message}");
        }
    }

    private static int Integer(JsonElement item, string name, string field)
    {
        if (!item.TryGetProperty(name, out var value) || !value.TryGetInt32(out var number) || number < 0)
            throw ApiException.Invalid($"{field}.{name}", $"'{field}.{name}' must be a non-negative integer.");
        return number;
    }

    private static double Number(JsonElement item, string name, string field)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
            throw ApiException.Invalid($"{field}.{name}", $"'{field}.{name}' must be a number (pixels).");
        return value.GetDouble();
    }

    private static List<double> Fractions(JsonElement item, string name, string field)
    {
        var path = $"{field}.{name}";
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array
            || value.GetArrayLength() is 0 or > MaxComponents
            || value.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.Number || f.GetDouble() <= 0)
            || Math.Abs(value.EnumerateArray().Sum(f => f.GetDouble()) - 1) > 0.02)
            throw ApiException.Invalid(path, string.Format(CultureInfo.InvariantCulture,
                "'{0}' is required for a table: 1 to {1} positive fractions that sum to 1.", path, MaxComponents));
        return value.EnumerateArray().Select(f => f.GetDouble()).ToList();
    }
}
