namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// The sandbox registers' whole content: made-up people, never real register data. Details that
/// match a current document pass; an expired, cancelled or suspended document fails every field;
/// a number not listed fails every field (not found); <see cref="UnavailableNumber"/> makes the
/// register fail to answer. Operation 106 and operation 98 (the NZTA driver licence check) use the
/// same table; docs/EXTRACT-VERIFY.md shows it (a test keeps the two equal).
/// </summary>
public static class SandboxIdentities
{
    /// <summary>A document number (of either source) for which the sandbox register is unavailable: the caller sees a provider failure.</summary>
    public const string UnavailableNumber = "ZZ999999";

    public static IReadOnlyList<SandboxIdentity> All { get; } =
    [
        Passport("LA100001", "Aroha", "Mere", "Ngata", "1988-03-14", "2031-08-20", RecordStatus.Current),
        Passport("LA100002", "James", "Robert", "Wilson", "1975-11-02", "2029-02-11", RecordStatus.Current),
        Passport("LA100003", "Priya", null, "Sharma", "1992-07-21", "2033-12-01", RecordStatus.Current),
        Passport("LA100004", "Thomas", "Edward", "Clarke", "1969-01-30", "2022-06-30", RecordStatus.Expired),
        Passport("LA100005", "Grace", "Hine", "Walker", "1983-04-17", "2030-10-10", RecordStatus.Cancelled),
        Passport("LA100006", "Tāne", "Wiremu", "Pōmare", "1980-12-25", "2032-05-31", RecordStatus.Current),
        Licence("DI100001", "101", "Aroha", "Mere", "Ngata", "1988-03-14", RecordStatus.Current),
        Licence("DI100002", "245", "James", "Robert", "Wilson", "1975-11-02", RecordStatus.Current),
        Licence("DI100003", "310", "Priya", null, "Sharma", "1992-07-21", RecordStatus.Current),
        Licence("DI100004", "118", "Thomas", "Edward", "Clarke", "1969-01-30", RecordStatus.Expired),
        Licence("DI100005", "402", "Sione", "Tupou", "Fifita", "2001-09-09", RecordStatus.Suspended),
        Licence("DI100006", "078", "Hannah", "Grace", "Taylor", "1995-05-05", RecordStatus.Current),
        Licence("DI100007", "150", "Tāne", "Wiremu", "Pōmare", "1980-12-25", RecordStatus.Current),
    ];

    /// <summary>The identity with this document number (upper case, no spaces) in this source's register, or null.</summary>
    public static SandboxIdentity? Find(string source, string number) =>
        All.FirstOrDefault(identity => identity.Source == source && identity.Number == number);

    private static SandboxIdentity Passport(string number, string first, string? middle, string last, string birth, string expiry, RecordStatus status) =>
        new(DocumentSources.NzPassport, number, null, first, middle, last, birth, expiry, status);

    private static SandboxIdentity Licence(string number, string version, string first, string? middle, string last, string birth, RecordStatus status) =>
        new(DocumentSources.NzDriverLicence, number, version, first, middle, last, birth, null, status);
}
