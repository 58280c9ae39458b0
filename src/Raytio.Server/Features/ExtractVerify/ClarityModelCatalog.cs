using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Models;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// The Clarity models operation 102 may use: the shipped ones (as operation 101 accepts them) and
/// the profile objects of ss_Clarity_Model_01 the caller may view (their own, shared with them and
/// public ones, newest first, at most `MaxModels`). A stored object that is not a well-formed model
/// is passed over (logged), as it cannot fit any image.
/// </summary>
public sealed class ClarityModelCatalog(RaytioDbContext db, PermissionService permissions, IOptions<ExtractVerifyOptions> options, ILogger<ClarityModelCatalog> logger)
{
    public const string ModelSchema = "ss_Clarity_Model_01";

    public async Task<IReadOnlyList<ClarityModel>> UsableAsync(Guid caller, CancellationToken cancellationToken) =>
        [.. await VisibleAsync(caller, cancellationToken), .. ShippedModels.All.Select(m => m.Model)];

    private async Task<IReadOnlyList<ClarityModel>> VisibleAsync(Guid caller, CancellationToken cancellationToken)
    {
        var visible = permissions.NodesWith(caller, Permission.View);
        var stored = await db.GraphNodes.AsNoTracking()
            .Where(n => n.SchemaName == ModelSchema && n.Kind == NodeKind.ProfileObject && visible.Contains(n.Id))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(options.Value.MaxModels)
            .Select(n => new { n.Key, n.PropertiesJson })
            .ToListAsync(cancellationToken);
        var models = new List<ClarityModel>(stored.Count);
        foreach (var node in stored)
        {
            try
            {
                models.Add(ClarityModelJson.Read(JsonNode.Parse(node.PropertiesJson)!.AsObject()));
            }
            catch (ClarityModelFormatException problem)
            {
                logger.LogWarning("Clarity model {NId} is passed over: {Field}: {Problem}", node.Key, problem.Field, problem.Message);
            }
        }
        return models;
    }
}
