using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Raytio.Server.Data;

/// <summary>Names tables, columns and indexes in snake_case so hand-written SQL stays portable.</summary>
internal static class SnakeCaseNaming
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(ToSnakeCase(entity.ClrType.Name) + "s");
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName("pk_" + entity.GetTableName() + (key.IsPrimaryKey() ? "" : "_" + string.Join("_", key.Properties.Select(p => p.GetColumnName()))));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName("fk_" + entity.GetTableName() + "_" + string.Join("_", foreignKey.Properties.Select(p => p.GetColumnName())));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName("ix_" + entity.GetTableName() + "_" + string.Join("_", index.Properties.Select(p => p.GetColumnName())));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
