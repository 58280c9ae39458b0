using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

// The raw cryptography each HTTP operation must do, on one thread, as CPU milliseconds per
// operation: the baselines the HTTP benchmark divides the server's CPU per request by.
//   password grant  = one Argon2id hash (server default cost) + two RS256 signatures
//   refresh grant   = two RS256 signatures (identity and access token)
//   operation 105   = one RSA-4096 PSS-SHA512 verification
// and one Argon2id hash per core at once (argon2id_hash_per_core): the server hashes up to one
// password per core at a time, and the memory-hard hashes then compete for cache and memory.
// Usage: dotnet Raytio.Crypto.Bench.dll [seconds-per-measurement] (default 3)
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;

var argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 19_456, NumberOfPasses = 2 });
var salt = RandomNumberGenerator.GetBytes(16);
Report("argon2id_hash", () => argon2id.DeriveBytes("correct horse battery staple", salt, 32));
Report("argon2id_hash_per_core", () => argon2id.DeriveBytes("correct horse battery staple", salt, 32), Environment.ProcessorCount);

using var rs256 = RSA.Create(2048);
var jwtInput = Encoding.ASCII.GetBytes(new string('x', 400));
Report("rs256_sign", () => rs256.SignData(jwtInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

using var rsa4096 = RSA.Create(4096);
var document = RandomNumberGenerator.GetBytes(300);
var signature = rsa4096.SignData(document, HashAlgorithmName.SHA512, RSASignaturePadding.Pss);
Report("rsa4096_pss_verify", () => rsa4096.VerifyData(document, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss));

// CPU milliseconds per operation, with THREADS threads running it at once.
void Report(string name, Func<object> operation, int threads = 1)
{
    for (var i = 0; i < 3; i++)
    {
        operation();
    }
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var counts = new int[threads];
    var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            operation();
            counts[t]++;
        }
    })).ToList();
    workers.ForEach(w => w.Start());
    workers.ForEach(w => w.Join());
    process.Refresh();
    var count = counts.Sum();
    var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
    Console.WriteLine(FormattableString.Invariant($"RAW name={name} cpu_ms={cpuMs:F4} count={count}"));
}
