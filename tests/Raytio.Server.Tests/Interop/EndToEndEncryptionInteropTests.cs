using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Raytio.Server.Tests.EndToEnd;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Testing;

namespace Raytio.Server.Tests.Interop;

/// <summary>
/// Issue 12's end-to-end encryption, driven by Node's WebCrypto against the started server: staff
/// enrol key pairs, the owner publishes the application's key pair and wraps its private key for
/// themself and a colleague, a person encrypts a field and shares it, and both staff members
/// decrypt it. The plaintext must then appear in no file of the server's data folder and in none
/// of its logs.
/// </summary>
public sealed class EndToEndEncryptionInteropTests
{
    private const string Password = "correct horse battery";

    private sealed record Person(string Email, string Token, Guid Id);

    [Fact]
    public async Task Two_staff_members_decrypt_what_a_person_encrypted_and_the_server_never_holds_the_plaintext()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var owner = await SignedInAsync(server, http);
        var colleague = await SignedInAsync(server, http);
        var person = await SignedInAsync(server, http);
        var orgId = await OrganisationWithAsync(server, http, owner, colleague);
        var schemaName = $"Secret_{Guid.NewGuid():N}"[..20];
        await (await SendAsync(http, HttpMethod.Post, "/db/v1/schemas", person, new
        {
            name = schemaName,
            type = "us",
            schema = new { type = "object", required = new[] { "name" }, properties = new { name = new { type = "string" }, passport_number = new { type = "string", encrypt = true } } },
        })).AssertOkAsync();
        var plaintext = $"LA{Random.Shared.Next(100000, 999999)} interop {Guid.NewGuid():N}";

        var input = JsonSerializer.Serialize(new
        {
            @base = server.BaseAddress.ToString(),
            orgId,
            schema = $"us_{schemaName}",
            field = "passport_number",
            plaintext,
            owner = new { token = owner.Token, id = owner.Id, password = Password },
            colleague = new { token = colleague.Token, id = colleague.Id, password = Password },
            person = new { token = person.Token },
        });
        var output = JsonDocument.Parse(await NodeScript.RunAsync("sharing/e2e-webcrypto.mjs", input)).RootElement;

        Assert.Equal(plaintext, output.GetProperty("owner").GetString());
        Assert.Equal(plaintext, output.GetProperty("colleague").GetString());
        var stored = await AllDataBytesAsync(server.DataDirectory);
        Assert.True(Contains(stored, Encoding.UTF8.GetBytes(schemaName)), "the scan does not read the stored data");
        foreach (var form in Forms(plaintext))
        {
            Assert.False(Contains(stored, Encoding.UTF8.GetBytes(form)), $"the data folder holds the plaintext as '{form}'");
            Assert.DoesNotContain(server.Output, line => line.Contains(form, StringComparison.Ordinal));
        }
    }

    /// <summary>The plaintext and its encodings a careless server might write: raw, base64 and base64url.</summary>
    private static IEnumerable<string> Forms(string plaintext)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));
        return [plaintext, base64.TrimEnd('='), base64.TrimEnd('=').Replace('+', '-').Replace('/', '_')];
    }

    private static async Task<Person> SignedInAsync(ServerProcess server, HttpClient http)
    {
        var email = RaytioFactory.NewEmail();
        await server.RunCommandAsync("create-user", email, Password);
        var login = await (await http.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = Password })).AssertOkAsync();
        var token = login.GetProperty("identity_token").GetString()!;
        var payload = JsonDocument.Parse(Convert.FromBase64String(Padded(token.Split('.')[1]))).RootElement;
        return new Person(email, token, Guid.Parse(payload.GetProperty("sub").GetString()!));
    }

    /// <summary>The owner creates an organisation and the colleague joins it through the emailed invitation.</summary>
    private static async Task<Guid> OrganisationWithAsync(ServerProcess server, HttpClient http, Person owner, Person colleague)
    {
        var org = await (await SendAsync(http, HttpMethod.Post, "/org/v1/organizations", owner, OrgSeed.Body())).AssertOkAsync();
        var orgId = org.GetProperty("org_id").GetGuid();
        await (await SendAsync(http, HttpMethod.Post, $"/org/v1/organizations/{orgId}/invites", owner, new { email = colleague.Email })).AssertOkAsync();
        var mail = await server.RunCommandAsync("mailbox", colleague.Email);
        var code = Regex.Match(mail, @"invitation code is: (\S+)").Groups[1].Value;
        await (await SendAsync(http, HttpMethod.Post, $"/org/v1/organizations/{orgId}/invites/accept", colleague, new { code })).AssertOkAsync();
        return orgId;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, Person caller, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        return http.SendAsync(request);
    }

    private static string Padded(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }

    private static async Task<List<byte[]>> AllDataBytesAsync(string directory)
    {
        var files = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files.Add(await File.ReadAllBytesAsync(file));
        }
        return files;
    }

    private static bool Contains(List<byte[]> files, byte[] needle) => files.Any(bytes => bytes.AsSpan().IndexOf(needle) >= 0);
}
