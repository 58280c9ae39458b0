using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Sharing;

/// <summary>An `encrypt: true` property takes the client's AES-GCM ciphertext in place of its declared type, and only that shape.</summary>
public sealed class EncryptedFieldTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Schema = """{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"dob":{"type":"string","format":"date","encrypt":true}}}""";

    public static string Ciphertext(string data = "q83vASNFZ4mrze8BI0VniQ", string iv = "AAECAwQFBgcICQoL", string algorithm = "AES-GCM", int length = 256) =>
        $$$"""{"encrypted_data": {"algorithm": {"name": "{{{algorithm}}}", "length": {{{length}}}}, "data": "{{{data}}}", "iv": "{{{iv}}}"}}""";

    [Fact]
    public async Task Ciphertext_is_accepted_in_place_of_the_declared_type_and_plaintext_is_refused()
    {
        var person = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(person, Schema);
        await app.CreatedObjectAsync(person, schema, $$"""{"name": "Ada", "dob": {{Ciphertext()}}}""");

        foreach (var dob in new[]
        {
            "\"1990-01-01\"",
            Ciphertext(iv: "AAECAwQFBgcICQ"),
            Ciphertext(data: "not+base64url/"),
            Ciphertext(algorithm: "AES-CBC"),
            Ciphertext(length: 128),
            """{"encrypted_data": {"algorithm": {"name": "AES-GCM", "length": 256}, "data": "q83vASNFZ4mrze8BI0VniQ"}}""",
            """{"encrypted_data": {"algorithm": {"name": "AES-GCM", "length": 256}, "data": "q83vASNFZ4mrze8BI0VniQ", "iv": "AAECAwQFBgcICQoL", "key": "x"}}""",
        })
        {
            var error = await (await app.CreateObjectsAsync(person.Bearer, $$$"""{"schema": "{{{schema}}}", "properties": {"name": "Ada", "dob": {{{dob}}}}}"""))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains("/dob", error.GetRawText());
        }
        // Fields without the flag keep their declared type.
        await (await app.CreateObjectsAsync(person.Bearer, $$$"""{"schema": "{{{schema}}}", "properties": {"name": {{{Ciphertext()}}}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
