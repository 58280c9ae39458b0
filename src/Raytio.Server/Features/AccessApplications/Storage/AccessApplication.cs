using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// An access application (operations 69-72): what an organisation (or a person) publishes so
/// people can share profile objects with it. The JSON columns are kept as text, so what was
/// given is answered back in its own key order.
/// </summary>
public sealed class AccessApplication
{
    /// <summary>a_id.</summary>
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Scope names (`{server_id}/{scope_name}`) as a JSON array.</summary>
    public string ScopesJson { get; set; } = "[]";

    /// <summary>callback_uri values as a JSON array (https, or http on loopback).</summary>
    public string CallbackUrisJson { get; set; } = "[]";

    public string? LogoutUri { get; set; }

    public string? Picture { get; set; }

    /// <summary>The validated state machine, in the reference's transitions shape.</summary>
    public string TransitionsJson { get; set; } = "[]";

    public string TagsJson { get; set; } = "[]";

    /// <summary>The theme object as given, or null.</summary>
    public string? ThemeJson { get; set; }

    /// <summary>The creator: always an authorised user.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The organisation the application belongs to; null for a personal application.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>client_id of the client_credentials grant; null unless generate_secret was asked.</summary>
    public string? ClientKey { get; set; }

    /// <summary>SHA-256 (hex) of the client secret, which is shown once and never stored.</summary>
    public string? ClientSecretHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by DELETE: the application and its instances are gone for everyone.</summary>
    public DateTime? DeletedAt { get; set; }
}

internal sealed class AccessApplicationConfiguration : IEntityTypeConfiguration<AccessApplication>
{
    public void Configure(EntityTypeBuilder<AccessApplication> application)
    {
        application.ToTable("access_applications");
        application.Property(a => a.Name).HasMaxLength(200);
        application.Property(a => a.Description).HasMaxLength(4000);
        application.Property(a => a.ScopesJson).HasColumnName("scopes");
        application.Property(a => a.CallbackUrisJson).HasColumnName("callback_uris");
        application.Property(a => a.LogoutUri).HasMaxLength(2048);
        application.Property(a => a.Picture).HasMaxLength(2048);
        application.Property(a => a.TransitionsJson).HasColumnName("transitions");
        application.Property(a => a.TagsJson).HasColumnName("tags");
        application.Property(a => a.ThemeJson).HasColumnName("theme");
        application.Property(a => a.ClientKey).HasMaxLength(64);
        application.Property(a => a.ClientSecretHash).HasMaxLength(64);
        application.HasIndex(a => a.ClientKey).IsUnique();
        application.HasIndex(a => a.OwnerId);
        application.HasIndex(a => a.OrganizationId);
    }
}

/// <summary>A user authorised on an application besides its owner (operation 79 makes one).</summary>
public sealed class AccessApplicationUser
{
    public Guid ApplicationId { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class AccessApplicationUserConfiguration : IEntityTypeConfiguration<AccessApplicationUser>
{
    public void Configure(EntityTypeBuilder<AccessApplicationUser> user)
    {
        user.ToTable("access_application_users");
        user.HasKey(u => new { u.ApplicationId, u.UserId });
        user.HasIndex(u => u.UserId);
    }
}
