namespace Raytio.Server.Providers.Nzbn;

/// <summary>An entity as a search result (operation 108's item), with the changes that made it match a change-history search.</summary>
public static class NzbnSearchItems
{
    public static NzbnSearchItem From(NzbnEntity entity, IReadOnlyList<string> changeEvents) => new()
    {
        Nzbn = entity.Nzbn,
        EntityName = entity.EntityName,
        EntityType = new(entity.EntityTypeCode, entity.EntityTypeDescription ?? NzbnCodes.TypeDescriptions.GetValueOrDefault(entity.EntityTypeCode, entity.EntityTypeCode)),
        SourceRegisterUniqueId = entity.SourceRegisterUniqueIdentifier,
        TradingNames = [.. entity.TradingNames.Where(t => t.EndDate is null).Select(t => t.Name)],
        PreviousEntityNames = [.. entity.EntityNames.Where(n => n.EndDate is not null).Select(n => n.EntityName)],
        PreviousTradingNames = [.. entity.TradingNames.Where(t => t.EndDate is not null).Select(t => t.Name)],
        IndustryClassification = entity.IndustryClassification,
        EntityStatus = new(int.TryParse(entity.EntityStatusCode, out var code) ? code : 0,
            entity.EntityStatusDescription ?? NzbnCodes.StatusDescriptions.GetValueOrDefault(entity.EntityStatusCode, entity.EntityStatusCode)),
        ChangeEvent = changeEvents,
        RegistrationDate = entity.RegistrationDate,
        Entity = NzbnPaths.Entity(entity.Nzbn),
    };
}
