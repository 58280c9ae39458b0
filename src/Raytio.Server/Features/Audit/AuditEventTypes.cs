namespace Raytio.Server.Features.Audit;

/// <summary>The `event_type` values the server records (operation 89).</summary>
public static class AuditEventTypes
{
    public const string ProfileCreate = "profile_create";
    public const string ProfileUpdate = "profile_update";
    public const string ProfileDelete = "profile_delete";
    public const string ProfileRead = "profile_read";
    public const string PermissionGrant = "permission_grant";
    public const string PermissionRevoke = "permission_revoke";
    public const string GroupCreate = "group_create";
    public const string GroupDelete = "group_delete";
    public const string GroupOwnerChange = "group_owner_change";
    public const string GroupMemberAdd = "group_member_add";
    public const string GroupMemberRemove = "group_member_remove";
    public const string OwnerTake = "owner_take";
    public const string OwnerTransfer = "owner_transfer";
    public const string OwnerRelease = "owner_release";
    public const string RelationshipCreate = "relationship_create";
    public const string RelationshipDelete = "relationship_delete";
    public const string Login = "login";
    public const string PasswordChange = "password_change";
    public const string OrganizationCreate = "organization_create";
    public const string OrganizationUpdate = "organization_update";
    public const string OrganizationMemberAdd = "organization_member_add";
    public const string OrganizationMemberRemove = "organization_member_remove";
    public const string OrganizationRoleChange = "organization_role_change";
    public const string OrganizationInvite = "organization_invite";
    public const string OrganizationInviteRevoke = "organization_invite_revoke";
    public const string BillingSubscriptionCreate = "billing_subscription_create";
    public const string BillingSubscriptionUpdate = "billing_subscription_update";
    public const string BillingSubscriptionCancel = "billing_subscription_cancel";
    public const string BillingPaymentMethodAttach = "billing_payment_method_attach";
    public const string BillingPaymentMethodDetach = "billing_payment_method_detach";
    public const string DomainSet = "domain_set";
    public const string LinkCreate = "link_create";
    public const string ApplicationRequestCreate = "application_request_create";
    public const string ApplicationRequestUpdate = "application_request_update";
    public const string ApplicationRequestDelete = "application_request_delete";
    public const string PriceListProductsInsert = "price_list_products_insert";
    public const string PriceListPricesInsert = "price_list_prices_insert";
    public const string CustomerPriceListsInsert = "customer_price_lists_insert";
    public const string PriceQuoteCreate = "price_quote_create";
    public const string ShareCreate = "share_create";
    public const string ShareWithdraw = "share_withdraw";
    public const string ShareStateChange = "share_state_change";
    public const string ShareView = "share_view";
    public const string ShareActionDelivered = "share_action_delivered";
    public const string ShareActionFailed = "share_action_failed";
    public const string AccessApplicationCreate = "access_application_create";
    public const string AccessApplicationUpdate = "access_application_update";
    public const string AccessApplicationDelete = "access_application_delete";
    public const string ApplicationPublicKeyAdd = "application_public_key_add";
    public const string ApplicationPrivateKeyStore = "application_private_key_store";
    public const string ResourceServerScopesSet = "resource_server_scopes_set";
    public const string UserPublicKeySet = "user_public_key_set";
    public const string UserPrivateKeySet = "user_private_key_set";
}
