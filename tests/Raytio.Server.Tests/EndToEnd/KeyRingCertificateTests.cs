using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.EndToEnd;

/// <summary>The Data Protection key ring in the database, encrypted with a certificate from the settings.</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Password = "ring certificate password";

    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"raytio-ring-{Guid.NewGuid():N}.pfx");

    public KeyRingCertificateTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=raytio key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pkcs12, Password));
    }

    public void Dispose() => File.Delete(_certificatePath);

    [Fact]
    public async Task The_ring_is_stored_encrypted_and_only_a_process_with_the_certificate_can_use_it()
    {
        await using var server = await ServerProcess.StartAsync(
            "--Raytio:DataProtection:CertificatePath", _certificatePath, "--Raytio:DataProtection:CertificatePassword", Password);
        var email = RaytioFactory.NewEmail();
        await server.RunCommandAsync("create-user", email, "correct horse battery");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await (await http.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "correct horse battery" })).AssertOkAsync();

        var ring = await RingAsync(server.DataDirectory);
        var key = Assert.Single(ring);
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "data-protection")));

        var (exitCode, _, error) = await server.RunWithoutSettingsAsync("token-keys", "list");
        Assert.Equal(1, exitCode);
        Assert.Contains("Start-up failed: Data Protection key", error);
        Assert.Contains("Raytio:DataProtection:CertificatePath", error);
        Assert.Equal(ring, await RingAsync(server.DataDirectory));

        // Another process with the certificate decrypts the token keys made by the first.
        Assert.Contains("signing", await server.RunCommandAsync("token-keys", "list"));
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_start_naming_the_setting()
    {
        var (exitCode, _, error) = await ServerProcess.RunToExitAsync("--urls", "http://127.0.0.1:0",
            "--Raytio:DataProtection:CertificatePath", _certificatePath, "--Raytio:DataProtection:CertificatePassword", "not it");

        Assert.Equal(1, exitCode);
        Assert.Contains("  Raytio:DataProtection:CertificatePath: ", error);
    }

    private static async Task<List<string>> RingAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "raytio.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
