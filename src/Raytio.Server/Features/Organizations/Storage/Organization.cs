using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// An organisation: a data receiver with administrators and members. Its id is the g_id of its
/// members group in the graph (<see cref="GroupNodeId"/>), so people grant the organisation
/// permissions on their objects with the ordinary permission operations, naming org_id as g_id.
/// </summary>
public sealed class Organization
{
    /// <summary>The org_id, equal to the members group's g_id.</summary>
    public Guid Id { get; set; }

    public long GroupNodeId { get; set; }

    public required string Name { get; set; }

    /// <summary>The billing email address (the reference's `email`), stored as given (trimmed).</summary>
    public required string BillingEmail { get; set; }

    /// <summary>The reference's `address` array as JSON text (`[]` when none); text, not jsonb, so its key order survives.</summary>
    public string AddressJson { get; set; } = "[]";

    /// <summary>The billing customer's id (`cus_...`) from the billing-customer interface.</summary>
    public required string CustomerId { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Also rewritten to lock the row for a membership change (see OrganizationLocks).</summary>
    public DateTime UpdatedAt { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.ToTable("organizations");
        organization.Property(o => o.Id).ValueGeneratedNever();
        organization.Property(o => o.Name).HasMaxLength(200);
        organization.Property(o => o.BillingEmail).HasMaxLength(320);
        organization.Property(o => o.CustomerId).HasMaxLength(64);
        organization.HasIndex(o => o.GroupNodeId).IsUnique();
        organization.HasIndex(o => o.CustomerId).IsUnique();
        organization.HasOne<GraphNode>().WithMany().HasForeignKey(o => o.GroupNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
