using Raytio.Server.Providers.DocumentRegisters;

namespace Raytio.Server.Providers.DriverLicence;

/// <summary>
/// What the register says, as intermediaries answer: the status of the licence found (or that none
/// was), and per given detail whether it is consistent with the record, never the record itself.
/// <see cref="LicenceNo"/> is the number and version together (a version that is not the current
/// card's does not match); <see cref="MiddleName"/> is null when none was given.
/// </summary>
public sealed record DriverLicenceVerdict(
    string Reference, RecordStatus Status, bool LicenceNo, bool FirstName, bool? MiddleName, bool LastName, bool DateOfBirth);
