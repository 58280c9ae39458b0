using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Data;

/// <summary>
/// Marks a string property as a JSON document: TEXT on SQLite (queried with json_extract) and
/// jsonb on PostgreSQL (queried with its operators and indexable with GIN), so hand-written
/// queries such as the Cypher translation can reach into it on both engines.
/// </summary>
public static class JsonColumn
{
    private const string Annotation = "Raytio:Json";

    public static PropertyBuilder<string> IsJson(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Annotation, true);

    /// <summary>Called by the PostgreSQL context after the model is built from the areas' configurations.</summary>
    internal static void UseJsonb(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()))
        {
            if (property.FindAnnotation(Annotation)?.Value is true)
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}
