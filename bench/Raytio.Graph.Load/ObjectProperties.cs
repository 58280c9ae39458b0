using System.Globalization;

namespace Raytio.Graph.Load;

/// <summary>Realistic property values for each kind of object, valid against its starter schema.</summary>
internal static class ObjectProperties
{
    private static readonly string[] GivenNames = ["Aroha", "James", "Mere", "Olivia", "Wiremu", "Charlotte", "Liam", "Amelia", "Noah", "Isla", "Tane", "Sophie", "Hemi", "Grace", "Oliver", "Ruby"];
    private static readonly string[] LastNames = ["Williams", "Smith", "Ngata", "Brown", "Wilson", "Taylor", "Parata", "Anderson", "Thomas", "Walker", "Tipene", "Harris", "Martin", "Jackson"];
    private static readonly string[] Streets = ["Queen Street", "Lambton Quay", "Cuba Street", "Ponsonby Road", "Colombo Street", "George Street", "Victoria Avenue", "Marine Parade"];
    private static readonly string[] Suburbs = ["Te Aro", "Ponsonby", "Riccarton", "Kelburn", "Mount Eden", "Sydenham", "Karori", "Devonport"];
    private static readonly string[] Cities = ["Auckland", "Wellington", "Christchurch", "Dunedin", "Hamilton", "Tauranga", "Napier", "Nelson"];
    private static readonly string[] CompanyWords = ["Kauri", "Southern", "Harbour", "Pacific", "Alpine", "Coastal", "Tasman", "Summit"];
    private static readonly string[] Fields = ["first_given_name", "last_name", "date_of_birth", "passport_number", "licence_number", "street_address"];

    public static string Person(Random rng) =>
        $$"""{"first_given_name":"{{Pick(GivenNames, rng)}}","middle_names":"{{Pick(GivenNames, rng)}} {{Pick(GivenNames, rng)}}","last_name":"{{Pick(LastNames, rng)}}","date_of_birth":"{{Date(rng, 1940, 2006)}}"}""";

    public static string Company(Random rng) =>
        $$"""{"nzbn":"94{{Digits(rng, 11)}}","entity_name":"{{Pick(CompanyWords, rng)}} {{Pick(LastNames, rng)}} Holdings Limited","company_number":"{{Digits(rng, 7)}}","entity_type":"NZ Limited Company","entity_status":"Registered","registration_date":"{{Date(rng, 1990, 2025)}}"}""";

    public static string Email(Random rng) =>
        $$"""{"email":"{{Pick(GivenNames, rng).ToLowerInvariant()}}.{{Pick(LastNames, rng).ToLowerInvariant()}}{{rng.Next(1000)}}@example.co.nz","usage":"{{(rng.Next(2) == 0 ? "personal" : "work")}}"}""";

    public static string Phone(Random rng) =>
        $$"""{"phone_number":"+642{{Digits(rng, 8)}}","line_type":"mobile"}""";

    public static string Address(Random rng) =>
        $$"""{"street_address":"{{rng.Next(1, 400)}} {{Pick(Streets, rng)}}","suburb":"{{Pick(Suburbs, rng)}}","city":"{{Pick(Cities, rng)}}","postcode":"{{Digits(rng, 4)}}","country":"NZ","usage":"residential","start_date":"{{Date(rng, 2005, 2025)}}"}""";

    public static string DriverLicence(Random rng) =>
        $$"""{"licence_number":"{{Letters(rng, 2)}}{{Digits(rng, 6)}}","licence_version":"{{Digits(rng, 3)}}","first_given_name":"{{Pick(GivenNames, rng)}}","middle_names":"{{Pick(GivenNames, rng)}}","last_name":"{{Pick(LastNames, rng)}}","date_of_birth":"{{Date(rng, 1940, 2006)}}","issue_date":"{{Date(rng, 2015, 2024)}}","expiry_date":"{{Date(rng, 2026, 2035)}}","classes":["1","6"]}""";

    public static string Passport(Random rng) =>
        $$"""{"passport_number":"{{Letters(rng, 2)}}{{Digits(rng, 6)}}","first_given_name":"{{Pick(GivenNames, rng)}}","middle_names":"{{Pick(GivenNames, rng)}}","last_name":"{{Pick(LastNames, rng)}}","date_of_birth":"{{Date(rng, 1940, 2006)}}","sex":"X","nationality":"New Zealand","place_of_birth":"{{Pick(Cities, rng)}}","issue_date":"{{Date(rng, 2016, 2025)}}","expiry_date":"{{Date(rng, 2026, 2035)}}"}""";

    public static string Verification(Random rng) =>
        $$"""{"data":{"field":"{{Pick(Fields, rng)}}","method":"document_check","verified_at":"{{Date(rng, 2023, 2026)}}T10:{{rng.Next(10, 60)}}:00Z"},"signature":"{{Signature(rng)}}"}""";

    public static string File(Random rng) =>
        $$"""{"file_name":"scan-{{Digits(rng, 6)}}.pdf","content_type":"application/pdf","size":{{rng.Next(20_000, 2_000_000)}},"description":"Scanned copy of the document, both sides, uploaded from the mobile app for verification"}""";

    private static string Pick(string[] values, Random rng) => values[rng.Next(values.Length)];

    private static string Date(Random rng, int fromYear, int toYear) =>
        new DateOnly(rng.Next(fromYear, toYear + 1), rng.Next(1, 13), rng.Next(1, 29)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Digits(Random rng, int count) => string.Create(count, rng, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('0' + r.Next(10));
        }
    });

    private static string Letters(Random rng, int count) => string.Create(count, rng, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('A' + r.Next(26));
        }
    });

    /// <summary>A base64url RSA-2048 signature's worth of random bytes.</summary>
    private static string Signature(Random rng)
    {
        Span<byte> bytes = stackalloc byte[256];
        rng.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
