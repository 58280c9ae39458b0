using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Cypher;
using Raytio.Cypher.Compiler;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>
/// Operation 64: parses the query, compiles it to SQL over the graph the caller may see
/// (docs/CYPHER.md), runs it and answers `{columns, data, truncated}` with nodes and
/// relationships in the reference's shape. Profile objects answered whole are recorded as reads in
/// the audit trail, as operations 38-40 record theirs.
/// </summary>
public sealed class CypherQueryService(
    RaytioDbContext db, CallerVisibility visibility, CompiledQueryRunner runner, AuditTrail audit,
    IOptions<CypherQueryOptions> options)
{
    private readonly CypherQueryOptions _options = options.Value;

    public async Task<JsonObject> RunAsync(Guid? caller, CypherQueryRequest request, CancellationToken cancellationToken)
    {
        var markers = ValueMarkers.Unguessable();
        var context = new CompileContext(
            runner.Dialect, await visibility.OfAsync(caller, cancellationToken), _options.MaxVariableLength, _options.MaxRows, request.Parameters, markers);
        CompiledQuery compiled;
        try
        {
            compiled = CypherCompiler.Compile(CypherParser.Parse(request.Query), context);
        }
        catch (CypherException e)
        {
            throw ApiException.BadRequest(e.Code, e.Message);
        }
        var rows = await runner.RunAsync(compiled, cancellationToken);
        var values = new ResultValues(markers, rows.Rows);
        await values.LoadAsync(db, cancellationToken);
        audit.RecordReads(caller, values.ProfileObjectKeys);
        return new JsonObject
        {
            ["columns"] = new JsonArray([.. compiled.Columns.Select(c => JsonValue.Create(c))]),
            ["data"] = values.Shape(),
            ["truncated"] = rows.Truncated,
        };
    }
}
