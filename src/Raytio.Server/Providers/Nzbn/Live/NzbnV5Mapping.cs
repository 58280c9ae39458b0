using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.Server.Providers.Nzbn.Live;

/// <summary>
/// NZBN v5's answers in the reference's shapes. Addresses: REGISTERED to `registeredAddress`,
/// POSTAL to `postalAddress`, DELIVERY to `physicalAddress`, OFFICE to
/// `principalPlaceOfActivity`, the rest (SERVICE, RECORDS, SHAREREGISTER, INVOICE) to
/// `otherAddress` with the type as `description`. An entity with a GST number is GST "Registered".
/// </summary>
internal static class NzbnV5Mapping
{
    public static NzbnEntity? Entity(NzbnV5Entity v5)
    {
        if (string.IsNullOrWhiteSpace(v5.Nzbn) || string.IsNullOrWhiteSpace(v5.EntityName)
            || string.IsNullOrWhiteSpace(v5.EntityStatusCode) || string.IsNullOrWhiteSpace(v5.EntityTypeCode))
        {
            return null;
        }
        var addresses = v5.Addresses?.AddressList ?? [];
        var gst = v5.GstNumbers?.FirstOrDefault(g => g.EndDate is null);
        return new NzbnEntity
        {
            EntityStatusCode = v5.EntityStatusCode,
            EntityName = v5.EntityName,
            Nzbn = v5.Nzbn,
            EntityTypeCode = v5.EntityTypeCode,
            EntityTypeDescription = v5.EntityTypeDescription,
            EntityStatusDescription = v5.EntityStatusDescription,
            RegistrationDate = v5.RegistrationDate,
            StartDate = v5.RegistrationDate,
            SourceRegister = v5.SourceRegister,
            SourceRegisterUniqueIdentifier = v5.SourceRegisterUniqueIdentifier,
            GstStatus = gst is null ? null : "Registered",
            GstEffectiveDate = gst?.StartDate,
            LastUpdatedDate = v5.LastUpdatedDate,
            AustralianBusinessNumber = v5.AustralianBusinessNumber,
            EntityNames = [new NzbnEntityName(v5.EntityName, v5.RegistrationDate, null)],
            EntityStatus = [new NzbnEntityStatus(v5.EntityStatusDescription ?? v5.EntityStatusCode, null, null, null, null)],
            EmailAddress = v5.EmailAddresses ?? [],
            RegisteredAddress = Of(addresses, "REGISTERED"),
            PostalAddress = Of(addresses, "POSTAL"),
            PhysicalAddress = Of(addresses, "DELIVERY"),
            PrincipalPlaceOfActivity = Of(addresses, "OFFICE"),
            OtherAddress = [.. addresses.Where(a => a.AddressType is not ("REGISTERED" or "POSTAL" or "DELIVERY" or "OFFICE"))
                .Select(a => Address(a) with { Description = a.Description ?? a.AddressType })],
            IndustryClassification = v5.IndustryClassifications ?? [],
            PhoneNumber = v5.PhoneNumbers ?? [],
            Website = v5.Websites ?? [],
            TradingNames = v5.TradingNames ?? [],
            PrivacySettings = v5.PrivacySettings,
            Company = v5.CompanyDetails,
            Roles = v5.Roles ?? [],
            SupportingInformation = v5.SupportingInformation,
        };
    }

    /// <summary>A v5 search answer's items; null when the body is not a search answer.</summary>
    public static (int Total, List<NzbnSearchItem> Items)? Search(JsonNode? body)
    {
        if (body is not JsonObject page || page["items"] is not JsonArray items)
        {
            return null;
        }
        var mapped = new List<NzbnSearchItem>();
        foreach (var item in items)
        {
            if (SearchItem(item) is not { } one)
            {
                return null;
            }
            mapped.Add(one);
        }
        return (Integer(page["totalItems"]) ?? mapped.Count, mapped);
    }

    private static NzbnSearchItem? SearchItem(JsonNode? node)
    {
        if (node is not JsonObject item || Text(item["nzbn"]) is not { } nzbn || Text(item["entityName"]) is not { } name
            || Text(item["entityTypeCode"]) is not { } type || Text(item["entityStatusCode"]) is not { } status)
        {
            return null;
        }
        var trading = Names(item["tradingNames"]);
        return new NzbnSearchItem
        {
            Nzbn = nzbn,
            EntityName = name,
            EntityType = new(type, Text(item["entityTypeDescription"]) ?? NzbnCodes.TypeDescriptions.GetValueOrDefault(type, type)),
            SourceRegisterUniqueId = Text(item["sourceRegisterUniqueId"]),
            TradingNames = [.. trading.Where(t => t.Current).Select(t => t.Name)],
            PreviousTradingNames = [.. trading.Where(t => !t.Current).Select(t => t.Name)],
            PreviousEntityNames = [.. Names(item["previousEntityNames"]).Select(n => n.Name)],
            IndustryClassification = item["classifications"]?.Deserialize<List<NzbnClassification>>(NzbnJson.Options) ?? [],
            EntityStatus = new(int.TryParse(status, out var code) ? code : 0,
                Text(item["entityStatusDescription"]) ?? NzbnCodes.StatusDescriptions.GetValueOrDefault(status, status)),
            ChangeEvent = item["changeEvent"] is JsonArray events ? [.. events.Select(Text).OfType<string>()] : [],
            RegistrationDate = DateTime.TryParse(Text(item["registrationDate"]), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var registered) ? registered : null,
            Entity = NzbnPaths.Entity(nzbn),
        };
    }

    /// <summary>Names given as strings or as objects with `name`/`entityName` (and `endDate` when no longer used).</summary>
    private static List<(string Name, bool Current)> Names(JsonNode? node)
    {
        var names = new List<(string Name, bool Current)>();
        foreach (var entry in node as JsonArray ?? [])
        {
            if (Text(entry) is { } text)
            {
                names.Add((text, true));
            }
            else if (entry is JsonObject named && (Text(named["name"]) ?? Text(named["entityName"])) is { } name)
            {
                names.Add((name, named["endDate"] is null));
            }
        }
        return names;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static int? Integer(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static List<NzbnAddress> Of(List<NzbnV5Address> addresses, string type) =>
        [.. addresses.Where(a => a.AddressType == type).Select(Address)];

    private static NzbnAddress Address(NzbnV5Address a) => new()
    {
        UniqueIdentifier = a.UniqueIdentifier,
        StartDate = a.StartDate,
        EndDate = a.EndDate,
        CareOf = a.CareOf,
        Address1 = a.Address1,
        Address2 = a.Address2,
        Address3 = a.Address3,
        Address4 = a.Address4,
        PostCode = a.PostCode,
        CountryCode = a.CountryCode,
        PafId = a.PafId,
    };
}
