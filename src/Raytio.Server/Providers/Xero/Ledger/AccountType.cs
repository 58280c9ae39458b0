namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>Xero's account types (the `Type` of an Account in the Accounting API), grouped as the reports group them.</summary>
public enum AccountType
{
    Bank,
    Current,
    Inventory,
    Prepayment,
    Fixed,
    NonCurrent,
    CurrLiab,
    TermLiab,
    Equity,
    Revenue,
    Sales,
    OtherIncome,
    DirectCosts,
    Expense,
    Overheads,
    Depreciatn,
}

public enum AccountClass
{
    Asset,
    Liability,
    Equity,
    Revenue,
    Expense,
}

public static class AccountTypes
{
    public static AccountClass ClassOf(AccountType type) => type switch
    {
        AccountType.Bank or AccountType.Current or AccountType.Inventory or AccountType.Prepayment or AccountType.Fixed or AccountType.NonCurrent => AccountClass.Asset,
        AccountType.CurrLiab or AccountType.TermLiab => AccountClass.Liability,
        AccountType.Equity => AccountClass.Equity,
        AccountType.Revenue or AccountType.Sales or AccountType.OtherIncome => AccountClass.Revenue,
        _ => AccountClass.Expense,
    };

    /// <summary>Income and expense accounts: their movements make the profit, and close into retained earnings at each financial year's end.</summary>
    public static bool IsProfitAndLoss(AccountType type) => ClassOf(type) is AccountClass.Revenue or AccountClass.Expense;

    /// <summary>Assets and expenses carry debit balances; the others credit balances.</summary>
    public static bool IsDebitNatured(AccountType type) => ClassOf(type) is AccountClass.Asset or AccountClass.Expense;
}
