namespace Raytio.Server.Features.Schemas;

/// <summary>
/// The kinds of schema, by the two-letter prefix of their full names: ss system (installation
/// administrators), ps public (readable by anyone), us user (only its creator). `os` appears in the
/// reference's enums of operations 45-46 and in one example name; nothing creates os schemas here.
/// </summary>
public static class SchemaType
{
    public const string System = "ss";
    public const string Public = "ps";
    public const string User = "us";
    public const string Other = "os";

    /// <summary>The types a schema can be created with (the reference's create enum).</summary>
    public static readonly IReadOnlyList<string> Creatable = [Public, System, User];

    /// <summary>Readable without a token and by every user.</summary>
    public static bool IsShared(string type) => type is System or Public;
}
