using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>
/// A real generator (openapi-typescript, with openapi-fetch) builds a typed client from the served
/// document; a client script must type-check against it and then, at run time, get only answers
/// the document declares (tests/interop/openapi).
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientTests.ListeningFactory app) : IClassFixture<GeneratedClientTests.ListeningFactory>
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_generated_client_signs_up_verifies_logs_in_uses_preferences_and_changes_the_password()
    {
        var generated = Directory.CreateTempSubdirectory("raytio-openapi-client-");
        try
        {
            await NodeScript.RunAsync("openapi/generate-and-check.mjs", null, NodeTimeout, new Uri(app.BaseAddress, "/openapi/v1.json").ToString(), generated.FullName);

            var email = RaytioFactory.NewEmail();
            var input = new Dictionary<string, string> { ["base_url"] = app.BaseAddress.ToString(), ["email"] = email, ["password"] = "correct horse battery" };
            await NodeScript.RunAsync("openapi/run.mjs", JsonSerializer.Serialize(input), NodeTimeout, "signup");
            input["code"] = await app.LatestCodeAsync(email);
            input["new_password"] = "a brand new password";
            var result = JsonDocument.Parse(await NodeScript.RunAsync("openapi/run.mjs", JsonSerializer.Serialize(input), NodeTimeout, "finish")).RootElement;

            Assert.Equal($"User {email} is verified.", result.GetProperty("verified").GetString());
            Assert.Equal(3600, result.GetProperty("expires_in").GetInt32());
            Assert.Equal("{}", result.GetProperty("preferences_before").GetRawText());
            Assert.Equal("""{"theme":"dark","language":"en"}""", result.GetProperty("preferences_after").GetRawText());
            Assert.Equal($"Password for {email} has been changed.", result.GetProperty("changed").GetString());
            Assert.Equal(401, result.GetProperty("old_password").GetProperty("status").GetInt32());
            Assert.Equal("invalid_credentials", result.GetProperty("old_password").GetProperty("code").GetString());
            Assert.Equal($"{email} has been authenticated.", result.GetProperty("new_login").GetString());
        }
        finally
        {
            generated.Delete(recursive: true);
        }
    }

    /// <summary>The host on a loopback port (Kestrel), so that Node can reach it.</summary>
    public sealed class ListeningFactory : RaytioFactory
    {
        public ListeningFactory() => UseKestrel(0);

        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
