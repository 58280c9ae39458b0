using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Sharing;

/// <summary>
/// One act of sharing (an instance): a person's snapshot of profile objects, with the wrapped
/// keys of their encrypted fields, submitted to an access application and moved through its states.
/// </summary>
public sealed class ShareInstance
{
    /// <summary>i_id.</summary>
    public Guid Id { get; set; }

    /// <summary>a_id.</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>The application's name when shared (aa_name).</summary>
    public required string ApplicationName { get; set; }

    /// <summary>The person who shared: the only one who may withdraw it.</summary>
    public Guid SharedBy { get; set; }

    public DateTime StartDate { get; set; }

    public DateTime EndDate { get; set; }

    public string? Reference { get; set; }

    /// <summary>Six digits the person can quote to the organisation.</summary>
    public required string ConfirmationCode { get; set; }

    public Guid Thread { get; set; }

    /// <summary>`_state`: a state of the application's transitions.</summary>
    public required string State { get; set; }

    /// <summary>The application request (organisations' operation 15) this share completed, if any.</summary>
    public string? ShortCode { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ShareInstanceConfiguration : IEntityTypeConfiguration<ShareInstance>
{
    public void Configure(EntityTypeBuilder<ShareInstance> instance)
    {
        instance.ToTable("share_instances");
        instance.Property(i => i.ApplicationName).HasMaxLength(200);
        instance.Property(i => i.Reference).HasMaxLength(200);
        instance.Property(i => i.ConfirmationCode).HasMaxLength(6);
        instance.Property(i => i.State).HasMaxLength(100);
        instance.Property(i => i.ShortCode).HasMaxLength(64);
        // The person's list (67) and the recipients' list (73) page newest first.
        instance.HasIndex(i => new { i.SharedBy, i.CreatedAt });
        instance.HasIndex(i => new { i.ApplicationId, i.CreatedAt });
    }
}

/// <summary>A shared object as it was when shared: later edits by the person do not change it.</summary>
public sealed class ShareInstanceObject
{
    public Guid InstanceId { get; set; }

    /// <summary>n_id of the profile object.</summary>
    public Guid ObjectId { get; set; }

    public string LabelsJson { get; set; } = "[]";

    /// <summary>The properties as they were, ciphertext of `encrypt: true` fields included.</summary>
    public string PropertiesJson { get; set; } = "{}";

    public string? SchemaName { get; set; }

    public int? SchemaVersion { get; set; }

    /// <summary>Binary content in the content store by SHA-256: the content cleanup counts this row as a reference.</summary>
    public string? ContentHash { get; set; }

    public string? ContentType { get; set; }

    public long? ContentLength { get; set; }
}

internal sealed class ShareInstanceObjectConfiguration : IEntityTypeConfiguration<ShareInstanceObject>
{
    public void Configure(EntityTypeBuilder<ShareInstanceObject> shared)
    {
        shared.ToTable("share_instance_objects");
        shared.HasKey(o => new { o.InstanceId, o.ObjectId });
        shared.Property(o => o.LabelsJson).HasColumnName("labels");
        shared.Property(o => o.PropertiesJson).HasColumnName("properties");
        shared.Property(o => o.SchemaName).HasMaxLength(200);
        shared.Property(o => o.ContentHash).HasMaxLength(64);
        shared.Property(o => o.ContentType).HasMaxLength(255);
        // Which applications an object was shared with (74), and content references for the cleanup.
        shared.HasIndex(o => o.ObjectId);
        shared.HasIndex(o => o.ContentHash);
    }
}

/// <summary>A relationship among the shared objects when shared.</summary>
public sealed class ShareInstanceRelationship
{
    public Guid InstanceId { get; set; }

    public Guid StartObjectId { get; set; }

    public Guid EndObjectId { get; set; }

    public required string Type { get; set; }
}

internal sealed class ShareInstanceRelationshipConfiguration : IEntityTypeConfiguration<ShareInstanceRelationship>
{
    public void Configure(EntityTypeBuilder<ShareInstanceRelationship> relationship)
    {
        relationship.ToTable("share_instance_relationships");
        relationship.HasKey(r => new { r.InstanceId, r.StartObjectId, r.EndObjectId, r.Type });
        relationship.Property(r => r.Type).HasMaxLength(100);
    }
}

/// <summary>The key of one encrypted field of a shared object, wrapped with one of the application's public keys.</summary>
public sealed class ShareInstanceKey
{
    public Guid InstanceId { get; set; }

    public Guid ObjectId { get; set; }

    public required string FieldName { get; set; }

    public Guid PublicKeyId { get; set; }

    /// <summary>base64url, as the client wrapped it.</summary>
    public required string EncryptedKey { get; set; }
}

internal sealed class ShareInstanceKeyConfiguration : IEntityTypeConfiguration<ShareInstanceKey>
{
    public void Configure(EntityTypeBuilder<ShareInstanceKey> key)
    {
        key.ToTable("share_instance_keys");
        key.HasKey(k => new { k.InstanceId, k.ObjectId, k.FieldName, k.PublicKeyId });
        key.Property(k => k.FieldName).HasMaxLength(200);
        key.Property(k => k.EncryptedKey).HasMaxLength(4096);
        // The public keys list (77) names the instances encrypted to each key.
        key.HasIndex(k => k.PublicKeyId);
    }
}

/// <summary>What happened to an instance: state changes, views by recipients, withdrawal.</summary>
public sealed class ShareInstanceEvent
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public DateTime At { get; set; }

    /// <summary>`shared`, `state`, `view` or `withdrawn`.</summary>
    public required string Kind { get; set; }

    /// <summary>The user, or the application acting through client_credentials (its a_id).</summary>
    public Guid Actor { get; set; }

    public string? FromState { get; set; }

    public string? ToState { get; set; }
}

internal sealed class ShareInstanceEventConfiguration : IEntityTypeConfiguration<ShareInstanceEvent>
{
    public void Configure(EntityTypeBuilder<ShareInstanceEvent> history)
    {
        history.ToTable("share_instance_history");
        history.Property(e => e.Kind).HasMaxLength(16);
        history.Property(e => e.FromState).HasMaxLength(100);
        history.Property(e => e.ToState).HasMaxLength(100);
        history.HasIndex(e => new { e.InstanceId, e.Id });
    }
}
