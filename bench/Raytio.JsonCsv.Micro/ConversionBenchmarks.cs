using BenchmarkDotNet.Attributes;
using Raytio.JsonCsv.Bench;

namespace Raytio.JsonCsv.Micro;

/// <summary>
/// Steady-state json2csv and csv2json on a few MB held in memory, written to <see cref="Stream.Null"/>, so the
/// figures are the converters' own time after JIT tiering (and dynamic PGO) has settled.
/// </summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private const long JsonBytes = 4_000_000;

    private byte[] _json = [];
    private byte[] _csv = [];

    [GlobalSetup]
    public async Task CreateInputsAsync()
    {
        using var json = new MemoryStream();
        InputGenerator.WriteJson(json, JsonBytes);
        _json = json.ToArray();
        using var csv = new MemoryStream();
        await JsonToCsv.ConvertAsync(new MemoryStream(_json), csv, new Json2CsvOptions(), CancellationToken.None);
        _csv = csv.ToArray();
    }

    /// <summary>Default options: a key detection pass and a writing pass over the seekable input.</summary>
    [Benchmark]
    public Task Json2Csv() =>
        JsonToCsv.ConvertAsync(new MemoryStream(_json, writable: false), Stream.Null, new Json2CsvOptions(), CancellationToken.None);

    /// <summary>The CSV form of the same documents (about 2.6 MB).</summary>
    [Benchmark]
    public Task Csv2Json() =>
        CsvToJson.ConvertAsync(new MemoryStream(_csv, writable: false), Stream.Null, new Csv2JsonOptions(), CancellationToken.None);
}
