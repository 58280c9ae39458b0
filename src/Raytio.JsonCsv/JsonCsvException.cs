namespace Raytio.JsonCsv;

/// <summary>Base of every error the converters report; the message names the problem for an API user.</summary>
public class JsonCsvException : Exception
{
    public JsonCsvException(string message)
        : base(message)
    {
    }

    public JsonCsvException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>An option was unknown, had the wrong JSON type or an invalid value.</summary>
public sealed class JsonCsvOptionException(string optionName, string message) : JsonCsvException(message)
{
    public string OptionName { get; } = optionName;
}

/// <summary>The input exceeded the configured <c>MaxInputBytes</c>.</summary>
public sealed class JsonCsvInputTooLargeException(long maxInputBytes)
    : JsonCsvException($"Input larger than {maxInputBytes} bytes.")
{
    public long MaxInputBytes { get; } = maxInputBytes;
}

/// <summary>The CSV text is malformed (for example an unbalanced quote); <see cref="LineNumber"/> is 1-based.</summary>
public sealed class CsvFormatException(long lineNumber, string problem)
    : JsonCsvException($"{problem} at line {lineNumber}.")
{
    public long LineNumber { get; } = lineNumber;
}
