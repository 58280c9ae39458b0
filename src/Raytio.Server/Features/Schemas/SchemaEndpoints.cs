using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>Operations 41-47: JSON Schema draft-07 documents by name, type and version.</summary>
internal static class SchemaEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");
        var limits = app.ServiceProvider.GetRequiredService<IOptions<SchemaOptions>>().Value;

        db.MapPost("/schemas", async Task<Ok<SchemaAnswer>> (SchemaWriteRequest body, CurrentUser caller, SchemaWriter writer, SchemaRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await AnswerAsync(registry, await writer.CreateAsync(body, caller, ct), expand: false, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxDocumentBytes))
            .WithName("create-schema")
            .WithSummary("Create a schema: {name, type (ps, us, ss), schema: draft-07 document}; ss needs an installation administrator")
            .ProducesError(400, 403, 409);

        db.MapGet("/schemas", async Task<Ok<List<SchemaAnswer>>> (
                [FromQuery(Name = "schema_type")] string? schemaType, string? expand, [FromQuery(Name = "version_current")] string? versionCurrent,
                CurrentUser caller, SchemaRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(registry, caller.Id, schemaType, expand, versionCurrent, ct)))
            .WithName("list-schemas")
            .WithSummary("Schemas the caller can see: system, public and their own user schemas")
            .ProducesError(400);

        db.MapGet("/public/schemas", async Task<Ok<List<SchemaAnswer>>> ([FromQuery(Name = "schema_type")] string? schemaType, string? expand, SchemaRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(registry, null, schemaType, expand, versionCurrent: null, ct)))
            .WithName("list-public-schemas")
            .WithSummary("System and public schemas, without a token")
            .ProducesError(400);

        db.MapGet("/schemas/{schema_type}/{schema_ID}", async Task<Ok<SchemaAnswer>> (
                [FromRoute(Name = "schema_type")] string schemaType, [FromRoute(Name = "schema_ID")] string schemaId, string? expand, [FromQuery(Name = "schema_version")] string? schemaVersion,
                CurrentUser caller, SchemaRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(registry, caller.Id, schemaType, schemaId, expand, schemaVersion, ct)))
            .WithName("get-schema")
            .WithSummary("A schema (current version, or ?schema_version=N); expand (default true) inlines the schemas it refers to")
            .ProducesError(400, 404);

        db.MapPost("/schemas/{schema_type}/{schema_ID}/validate", async Task<Ok<ValidationAnswer>> (
                [FromRoute(Name = "schema_type")] string schemaType, [FromRoute(Name = "schema_ID")] string schemaId, [FromQuery(Name = "schema_version")] string? schemaVersion,
                JsonElement body, CurrentUser caller, SchemaRegistry registry, CancellationToken ct) =>
            {
                var name = PathName(schemaType, schemaId, SchemaOperation.Validate);
                var schema = await registry.FindAsync(name, QueryParameters.SchemaVersion(schemaVersion), caller.Id, ct) ?? throw NotFound(name);
                return TypedResults.Ok(ValidationAnswer.From(await registry.ValidateAsync(schema, body, ct)));
            })
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxValidateBytes))
            .WithName("validate-schema")
            .WithSummary("Validate the body against the schema: {valid} or {valid: false, message, errors}")
            .ProducesError(400, 404);

        db.MapPut("/schemas/{schema_type}/{schema_ID}", async Task<Ok<SchemaAnswer>> (
                [FromRoute(Name = "schema_type")] string schemaType, [FromRoute(Name = "schema_ID")] string schemaId,
                SchemaWriteRequest body, CurrentUser caller, SchemaWriter writer, SchemaRegistry registry, CancellationToken ct) =>
            {
                var updated = await writer.UpdateAsync(PathName(schemaType, schemaId, SchemaOperation.Update), body, caller, ct);
                return TypedResults.Ok(await AnswerAsync(registry, updated, expand: false, ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxDocumentBytes))
            .WithName("update-schema")
            .WithSummary("Update a schema: adds the next version, which becomes current; earlier versions stay readable")
            .ProducesError(400, 403, 404, 409);

        db.MapGet("/public/schemas/{schema_type}/{schema_ID}", async Task<Ok<SchemaAnswer>> (
                [FromRoute(Name = "schema_type")] string schemaType, [FromRoute(Name = "schema_ID")] string schemaId, string? expand, [FromQuery(Name = "schema_version")] string? schemaVersion,
                SchemaRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(registry, null, schemaType, schemaId, expand, schemaVersion, ct)))
            .WithName("get-public-schema")
            .WithSummary("A system or public schema, without a token")
            .ProducesError(400, 404);
    }

    public static ApiException NotFound(SchemaName name) => ApiException.NotFound("schema_not_found", $"No schema '{name}' exists that you can see.");

    private static async Task<SchemaAnswer> AnswerAsync(SchemaRegistry registry, SchemaVersion schema, bool expand, CancellationToken ct) =>
        new(schema.Name, schema.Type, schema.Version, await registry.DocumentAsync(schema, expand, ct));

    private static async Task<SchemaAnswer> ReadAsync(SchemaRegistry registry, Guid? reader, string schemaType, string schemaId, string? expand, string? schemaVersion, CancellationToken ct)
    {
        var name = PathName(schemaType, schemaId, SchemaOperation.Read);
        var expandFlag = QueryParameters.Flag("expand", expand, defaultValue: true);
        var schema = await registry.FindAsync(name, QueryParameters.SchemaVersion(schemaVersion), reader, ct) ?? throw NotFound(name);
        return await AnswerAsync(registry, schema, expandFlag, ct);
    }

    private static async Task<List<SchemaAnswer>> ListAsync(SchemaRegistry registry, Guid? reader, string? schemaType, string? expand, string? versionCurrent, CancellationToken ct)
    {
        var type = QueryParameters.ListType(schemaType);
        var expandFlag = QueryParameters.Flag("expand", expand, defaultValue: false);
        var currentOnly = QueryParameters.Flag("version_current", versionCurrent, defaultValue: true);
        var answers = new List<SchemaAnswer>();
        foreach (var schema in await registry.ListAsync(type, reader, currentOnly, ct))
        {
            answers.Add(await AnswerAsync(registry, schema, expandFlag, ct));
        }
        return answers;
    }

    private enum SchemaOperation
    {
        Read,
        Validate,
        Update,
    }

    /// <summary>
    /// The schema a path names. The reference lists `os` as a path type of validate and update only;
    /// no os schema can be created (create takes ps, us, ss), so those answer 404.
    /// </summary>
    private static SchemaName PathName(string schemaType, string schemaId, SchemaOperation operation)
    {
        string[] allowed = operation == SchemaOperation.Read ? [.. SchemaType.Creatable] : [.. SchemaType.Creatable, SchemaType.Other];
        if (!allowed.Contains(schemaType))
        {
            throw ApiException.Invalid("schema_type", $"'schema_type' must be one of {string.Join(", ", allowed)}, not '{schemaType}'.");
        }
        return SchemaName.Resolve("schema_ID", schemaId, schemaType);
    }
}
