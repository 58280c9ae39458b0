using System.Security.Cryptography;
using System.Text;
using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Providers.Xero.Sandbox;

/// <summary>The demo company's chart of accounts: Xero's New Zealand default chart, cut down to what the generator posts to.</summary>
public static class DemoChart
{
    public const string OrganisationName = "Demo Company (NZ)";

    public static readonly LedgerAccount BusinessBank = Account("090", "Business Bank Account", AccountType.Bank);
    public static readonly LedgerAccount Savings = Account("091", "Business Savings Account", AccountType.Bank);
    public static readonly LedgerAccount Receivable = Account("610", "Accounts Receivable", AccountType.Current, SystemAccount.AccountsReceivable);
    public static readonly LedgerAccount Prepayments = Account("620", "Prepayments", AccountType.Prepayment);
    public static readonly LedgerAccount Inventory = Account("630", "Inventory", AccountType.Inventory);
    public static readonly LedgerAccount OfficeEquipment = Account("710", "Office Equipment", AccountType.Fixed);
    public static readonly LedgerAccount Depreciation = Account("711", "Less Accumulated Depreciation on Office Equipment", AccountType.Fixed);
    public static readonly LedgerAccount Payable = Account("800", "Accounts Payable", AccountType.CurrLiab, SystemAccount.AccountsPayable);
    public static readonly LedgerAccount Gst = Account("820", "GST", AccountType.CurrLiab);
    public static readonly LedgerAccount Loan = Account("900", "Loan", AccountType.TermLiab);
    public static readonly LedgerAccount RetainedEarnings = Account("960", "Retained Earnings", AccountType.Equity, SystemAccount.RetainedEarnings);
    public static readonly LedgerAccount FundsIntroduced = Account("970", "Owner A Funds Introduced", AccountType.Equity);
    public static readonly LedgerAccount Drawings = Account("980", "Owner A Drawings", AccountType.Equity);
    public static readonly LedgerAccount Sales = Account("200", "Sales", AccountType.Sales);
    public static readonly LedgerAccount OtherRevenue = Account("260", "Other Revenue", AccountType.Revenue);
    public static readonly LedgerAccount InterestIncome = Account("270", "Interest Income", AccountType.OtherIncome);
    public static readonly LedgerAccount CostOfGoods = Account("310", "Cost of Goods Sold", AccountType.DirectCosts);
    public static readonly LedgerAccount Advertising = Account("400", "Advertising", AccountType.Overheads);
    public static readonly LedgerAccount BankFees = Account("404", "Bank Fees", AccountType.Expense);
    public static readonly LedgerAccount Consulting = Account("412", "Consulting & Accounting", AccountType.Expense);
    public static readonly LedgerAccount DepreciationExpense = Account("416", "Depreciation", AccountType.Depreciatn);
    public static readonly LedgerAccount GeneralExpenses = Account("429", "General Expenses", AccountType.Expense);
    public static readonly LedgerAccount InterestExpense = Account("437", "Interest Expense", AccountType.Expense);
    public static readonly LedgerAccount Power = Account("445", "Light, Power, Heating", AccountType.Overheads);
    public static readonly LedgerAccount Rent = Account("469", "Rent", AccountType.Overheads);
    public static readonly LedgerAccount Wages = Account("477", "Wages and Salaries", AccountType.Expense);
    public static readonly LedgerAccount Telephone = Account("489", "Telephone & Internet", AccountType.Overheads);

    public static IReadOnlyList<LedgerAccount> Accounts { get; } =
    [
        BusinessBank, Savings, Receivable, Prepayments, Inventory, OfficeEquipment, Depreciation, Payable, Gst, Loan, RetainedEarnings, FundsIntroduced,
        Drawings, Sales, OtherRevenue, InterestIncome, CostOfGoods, Advertising, BankFees, Consulting, DepreciationExpense, GeneralExpenses,
        InterestExpense, Power, Rent, Wages, Telephone,
    ];

    /// <summary>Ids fixed by the code, so a report's account attributes stay the same from run to run.</summary>
    private static LedgerAccount Account(string code, string name, AccountType type, SystemAccount system = SystemAccount.None) =>
        new(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("raytio-xero-demo-account:" + code)).AsSpan(0, 16)), code, name, type, system);
}
