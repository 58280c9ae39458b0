using System.Globalization;
using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Sharing;

/// <summary>The JSON shapes of instances (the reference's instance objects) and their parts.</summary>
public static class InstanceAnswers
{
    /// <summary>The reference's form: UTC without a zone designator, microseconds.</summary>
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    public static string Date(DateTime at) => at.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static JsonObject Summary(ShareInstance instance) => new()
    {
        ["i_id"] = instance.Id.ToString(),
        ["a_id"] = instance.ApplicationId.ToString(),
        ["aa_name"] = instance.ApplicationName,
        ["_state"] = instance.State,
        ["reference"] = instance.Reference,
        ["confirmation_code"] = instance.ConfirmationCode,
        ["thread"] = instance.Thread.ToString(),
        ["start_date"] = Date(instance.StartDate),
        ["end_date"] = Date(instance.EndDate),
        ["withdrawn_date"] = instance.WithdrawnAt is { } withdrawn ? Date(withdrawn) : null,
    };

    public static JsonObject Object(ShareInstanceObject shared) => new()
    {
        ["n_id"] = shared.ObjectId.ToString(),
        ["labels"] = JsonNode.Parse(shared.LabelsJson),
        ["properties"] = JsonNode.Parse(shared.PropertiesJson),
        ["schema"] = shared.SchemaName,
        ["schema_version"] = shared.SchemaVersion,
        ["content_type"] = shared.ContentType,
        ["content_length"] = shared.ContentLength,
    };

    public static JsonObject Relationship(ShareInstanceRelationship relationship) => new()
    {
        ["start"] = relationship.StartObjectId.ToString(),
        ["end"] = relationship.EndObjectId.ToString(),
        ["type"] = relationship.Type,
    };

    public static JsonObject Key(ShareInstanceKey key) => new()
    {
        ["n_id"] = key.ObjectId.ToString(),
        ["field_name"] = key.FieldName,
        ["public_key_n_id"] = key.PublicKeyId.ToString(),
        ["encrypted_key"] = key.EncryptedKey,
    };

    public static JsonObject Event(ShareInstanceEvent happened) => new()
    {
        ["date"] = Date(happened.At),
        ["kind"] = happened.Kind,
        ["actor"] = happened.Actor.ToString(),
        ["from"] = happened.FromState,
        ["to"] = happened.ToState,
    };
}
