using System.Globalization;
using System.Text;

namespace Raytio.JsonCsv.Bench;

/// <summary>Writes a JSON array of order-like documents of about the requested size (deterministic).</summary>
internal static class InputGenerator
{
    private static readonly string[] Names = ["Ada Lovelace", "Grace \"Amazing\" Hopper", "Alan Turing", "Émile Borel", "李雷", "O'Neil, Cathy"];
    private static readonly string[] Notes = ["", "fragile", "leave at door, ring twice", "line one\nline two", "=HYPERLINK(\"x\")", "ok 👍"];

    public static void WriteJson(string path, long targetBytes)
    {
        using var file = File.Create(path);
        WriteJson(file, targetBytes);
    }

    public static void WriteJson(Stream output, long targetBytes)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write('[');
        var row = new StringBuilder();
        long written = 1;
        for (var i = 0; written < targetBytes; i++)
        {
            row.Clear();
            if (i > 0)
            {
                row.Append(',');
            }
            AppendDocument(row, i, random);
            writer.Write(row);
            written += Encoding.UTF8.GetByteCount(row.ToString());
        }
        writer.Write(']');
    }

    private static void AppendDocument(StringBuilder row, int i, Random random)
    {
        var invariant = CultureInfo.InvariantCulture;
        row.Append("{\"id\":").Append(i.ToString(invariant))
            .Append(",\"customer\":{\"name\":\"").Append(Names[random.Next(Names.Length)].Replace("\"", "\\\"", StringComparison.Ordinal))
            .Append("\",\"email\":\"user").Append(random.Next(100_000).ToString(invariant)).Append("@example.com\",\"vip\":")
            .Append(random.Next(4) == 0 ? "true" : "false").Append('}')
            .Append(",\"total\":").Append((random.Next(100, 1_000_000) / 100.0).ToString("R", invariant))
            .Append(",\"created\":\"2024-").Append((1 + random.Next(12)).ToString("00", invariant)).Append("-15T10:20:30Z\"")
            .Append(",\"tags\":[\"a\",\"b").Append(random.Next(10).ToString(invariant)).Append("\"]")
            .Append(",\"note\":\"").Append(Notes[random.Next(Notes.Length)].Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        if (random.Next(10) == 0)
        {
            row.Append(",\"coupon\":null");
        }
        row.Append('}');
    }
}
