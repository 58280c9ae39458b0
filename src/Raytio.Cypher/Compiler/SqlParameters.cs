using System.Globalization;
using System.Text.Json;

namespace Raytio.Cypher.Compiler;

/// <summary>Collects the parameters of one compiled query, named p0, p1, ... in order of use.</summary>
internal sealed class SqlParameters
{
    private readonly List<SqlParameter> _parameters = [];

    public IReadOnlyList<SqlParameter> All => _parameters;

    /// <summary>A plain value (text or number); answers its place in the SQL.</summary>
    public string Add(object? value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new SqlParameter(name, value));
        return "@" + name;
    }

    /// <summary>A Cypher value as JSON text (through <see cref="ISqlDialect.JsonParameter"/>).</summary>
    public string AddJson(ISqlDialect dialect, object? literal) => dialect.JsonParameter(Add(ToJson(literal)));

    private static string ToJson(object? literal) => literal switch
    {
        JsonElement element => element.GetRawText(),
        double number => FloatText(number),
        _ => JsonSerializer.Serialize(literal),
    };

    /// <summary>A float stays a float in JSON (1.0, not 1), as Cypher shows it.</summary>
    private static string FloatText(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
