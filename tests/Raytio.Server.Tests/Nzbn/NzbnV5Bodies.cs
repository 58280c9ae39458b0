namespace Raytio.Server.Tests.Nzbn;

/// <summary>Answers of NZBN API v5 as its clients decode them (shared/providers/nzbn/NOTES.md, "Response shapes").</summary>
internal static class NzbnV5Bodies
{
    public const string Nzbn = "9429030531659";

    public const string FullEntity = """
        {
          "entityStatusCode": "50", "entityName": "HARBOUR LIGHT TRADING LIMITED", "nzbn": "9429030531659", "entityTypeCode": "LTD",
          "entityTypeDescription": "NZ Limited Company", "entityStatusDescription": "Registered", "registrationDate": "2012-09-13T12:46:30",
          "sourceRegister": "COMPANY", "sourceRegisterUniqueIdentifier": "4012345", "lastUpdatedDate": "2024-02-01T08:00:00",
          "australianBusinessNumber": null, "hibernationStatusCode": null,
          "emailAddresses": [ { "uniqueIdentifier": "e1", "emailAddress": "office@harbour.example.com", "emailPurpose": "Email", "emailPurposeDescription": "Email", "startDate": "2012-09-13T00:00:00" } ],
          "addresses": { "links": [], "addressList": [
            { "uniqueIdentifier": "a1", "startDate": "2012-09-13T00:00:00", "address1": "1 Quay Street", "address3": "Auckland", "postCode": "1010", "countryCode": "NZ", "addressType": "REGISTERED" },
            { "uniqueIdentifier": "a2", "address1": "PO Box 12", "address3": "Auckland", "countryCode": "NZ", "addressType": "POSTAL" },
            { "uniqueIdentifier": "a3", "address1": "3 Records Lane", "countryCode": "NZ", "addressType": "SERVICE" },
            { "uniqueIdentifier": "a4", "address1": "4 Office Road", "countryCode": "NZ", "addressType": "OFFICE" } ] },
          "industryClassifications": [ { "uniqueIdentifier": "c1", "classificationCode": "M692120", "classificationDescription": "Accounting service" } ],
          "phoneNumbers": [ { "uniqueIdentifier": "p1", "phonePurpose": "Phone", "phoneCountryCode": "64", "phoneAreaCode": "09", "phoneNumber": "555 0100" } ],
          "websites": [ { "uniqueIdentifier": "w1", "url": "https://harbour.example.com", "startDate": "2013-01-01T00:00:00" } ],
          "tradingNames": [ { "uniqueIdentifier": "t1", "name": "Harbour Light", "startDate": "2014-01-01T00:00:00", "endDate": null } ],
          "privacySettings": { "nzbnPrivateInformation": false, "phonePrivateInformation": true },
          "company-details": {
            "annualReturnFilingMonth": 8, "countryOfOrigin": "NZ", "extensiveShareholding": false, "stockExchangeListed": false,
            "shareholding": { "numberOfShares": 1000, "shareAllocation": [
              { "allocation": 990, "shareholder": [ { "type": "Individual", "appointmentDate": "2012-09-13T12:46:29",
                "individualShareholder": { "firstName": "ROBIN", "middleNames": "GORDON DAVID", "lastName": "TAYLOR", "fullName": "ROBIN GORDON DAVID TAYLOR" } } ] },
              { "allocation": 10, "shareholder": [ { "type": "Individual", "appointmentDate": "2012-09-13T12:46:29",
                "individualShareholder": { "firstName": "BRIAN", "middleNames": "ALEXANDER", "lastName": "SCOTT" } } ] } ] },
            "removalCommenced": false, "insolvencies": [] },
          "roles": [ { "roleType": "Director", "roleStatus": "ACTIVE", "startDate": "2012-09-13T12:46:29",
                       "rolePerson": { "title": null, "firstName": "BRIAN", "middleNames": "ALEXANDER", "lastName": "SCOTT" }, "roleAddress": [] } ],
          "gstNumbers": [ { "gstNumber": "123-456-789", "startDate": "2013-04-01T00:00:00" } ],
          "tradingAreas": [], "paymentBankAccounts": [], "businessEthnicityIdentifiers": []
        }
        """;

    public const string SearchPage = """
        { "pageSize": 2, "page": 0, "totalItems": 41, "sortBy": null, "sortOrder": null, "links": [],
          "items": [
            { "entityStatusCode": "50", "entityName": "HARBOUR LIGHT TRADING LIMITED", "nzbn": "9429030531659", "entityTypeCode": "LTD",
              "entityTypeDescription": "NZ Limited Company", "entityStatusDescription": "Registered", "registrationDate": "2012-09-13T12:46:30",
              "sourceRegisterUniqueId": "4012345",
              "tradingNames": [ { "uniqueIdentifier": "t1", "name": "Harbour Light", "startDate": "2014-01-01T00:00:00", "endDate": null },
                                { "uniqueIdentifier": "t2", "name": "Old Light", "startDate": "2012-01-01T00:00:00", "endDate": "2013-12-31T00:00:00" } ],
              "classifications": [ { "uniqueIdentifier": "c1", "classificationCode": "M692120", "classificationDescription": "Accounting service" } ],
              "previousEntityNames": [ "HARBOUR LIGHTS LIMITED" ], "links": [] },
            { "entityStatusCode": "80", "entityName": "HARBOUR VIEW LIMITED", "nzbn": "9429040000006", "entityTypeCode": "LTD",
              "entityStatusDescription": "Removed", "tradingNames": [], "classifications": [], "previousEntityNames": [] } ] }
        """;
}
