using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// One key of the ASP.NET Core Data Protection key ring, as the XML Data Protection writes it
/// (encrypted with the configured certificate, if any). Kept in the database so replicas share it.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> entity) => entity.ToTable("data_protection_keys");
}
