namespace Raytio.Graph.Load;

/// <summary>What a loaded profile object is: its starter schema, request labels and the type of the relationship from its parent.</summary>
internal sealed record ObjectKind(string Schema, string[] Labels, string FromParent, Func<Random, string> Properties)
{
    public static readonly ObjectKind Person = new("ss_NZ_Person", ["Identity"], "", ObjectProperties.Person);
    public static readonly ObjectKind Company = new("ss_NZ_Company", ["Organisation"], "", ObjectProperties.Company);
    public static readonly ObjectKind Email = new("ss_Email", ["Contact"], "HAS_EMAIL", ObjectProperties.Email);
    public static readonly ObjectKind Phone = new("ss_Phone", ["Contact"], "HAS_PHONE", ObjectProperties.Phone);
    public static readonly ObjectKind Address = new("ss_NZ_Person_ContactLocation_04", ["Contact", "Address"], "HAS_ADDRESS", ObjectProperties.Address);
    public static readonly ObjectKind DriverLicence = new("ss_NZ_DriverLicence_22", ["Identity", "Document"], "HAS_DOCUMENT", ObjectProperties.DriverLicence);
    public static readonly ObjectKind Passport = new("ss_NZ_Passport_19", ["Identity", "Document"], "HAS_DOCUMENT", ObjectProperties.Passport);
    public static readonly ObjectKind Verification = new("ss_Verification", ["Verification"], "VERIFIED_BY", ObjectProperties.Verification);
    public static readonly ObjectKind File = new("ss_File_14", ["Document"], "HAS_FILE", ObjectProperties.File);

    /// <summary>The label the read-by-label load asks for.</summary>
    public const string ReadLabel = "Contact";

    /// <summary>Labels as an object records them: the request's labels, then the schema's full name.</summary>
    public string LabelsJson { get; } = "[" + string.Join(",", Labels.Append(Schema).Select(l => $"\"{l}\"")) + "]";

    public IEnumerable<string> AllLabels => Labels.Append(Schema);
}
