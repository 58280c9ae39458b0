using System.Globalization;
using System.Text;

namespace Raytio.Signing.Bench;

/// <summary>
/// A deterministic JSON array of passport verification records with unsorted keys, nested objects,
/// non-ASCII and escaped strings, integers, decimals and exponents: roughly what the server signs, in bulk.
/// </summary>
internal static class BenchmarkDocument
{
    private static readonly string[] Names = ["Zoë", "O'Brien", "Łukasz", "Nguyễn", "Ångström", "Smith", "李", "Müller \"Max\""];

    public static byte[] Generate(int targetBytes)
    {
        var random = new Random(105);
        var json = new StringBuilder(targetBytes + 1024);
        json.Append('[');
        for (var id = 0; json.Length < targetBytes; id++)
        {
            if (id > 0)
            {
                json.Append(",\n");
            }
            AppendRecord(json, id, random);
        }
        json.Append(']');
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static void AppendRecord(StringBuilder json, int id, Random random)
    {
        var invariant = CultureInfo.InvariantCulture;
        json.Append("{\"verificationId\": \"v-").Append(id.ToString("D8", invariant)).Append('"');
        json.Append(", \"status\": \"").Append(random.Next(4) == 0 ? "rejected" : "verified").Append('"');
        json.Append(", \"passport\": {\"number\": \"X").Append(random.Next(1_000_000, 9_999_999).ToString(invariant)).Append('"');
        json.Append(", \"country\": \"NZL\", \"surname\": \"").Append(Names[random.Next(Names.Length)].Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        json.Append(", \"givenNames\": [\"").Append(Names[random.Next(Names.Length)].Replace("\"", "\\u0022", StringComparison.Ordinal)).Append("\", \"A\\u00e9\"]");
        json.Append(", \"expires\": \"20").Append(random.Next(26, 36).ToString(invariant)).Append("-0").Append(random.Next(1, 10).ToString(invariant)).Append("-15\"}");
        json.Append(", \"checks\": [");
        for (var i = 0; i < 3; i++)
        {
            json.Append(i == 0 ? "" : ", ");
            json.Append("{\"score\": ").Append(random.NextDouble().ToString("R", invariant));
            json.Append(", \"name\": \"check-").Append(i.ToString(invariant)).Append("\", \"ok\": ").Append(random.Next(5) == 0 ? "false" : "true").Append('}');
        }
        json.Append("], \"amount\": ").Append((random.Next(0, 10_000_000) / 100.0).ToString("R", invariant));
        json.Append(", \"weight\": ").Append((random.NextDouble() * 1e25).ToString("E10", invariant));
        json.Append(", \"attempts\": ").Append(random.Next(1, 5).ToString(invariant));
        json.Append(", \"note\": \"checked at desk ").Append(random.Next(100).ToString(invariant)).Append("\\nsecond line\\t\\u00e9\"");
        json.Append(", \"createdAt\": \"2025-01-").Append(random.Next(10, 29).ToString(invariant)).Append("T03:04:05.123Z\", \"active\": null}");
    }
}
