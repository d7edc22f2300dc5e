using Registry.EventStore;
using Registry.Tests.Infrastructure;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Access;

public sealed class ApiKeySpecs
{
    private SqlEventStore _store = null!;

    [SetUp]
    public async Task Open() => _store = await StoreKind.OpenNewAsync(StoreKind.Sqlite);

    [TearDown]
    public async Task Close() => await _store.DisposeAsync();

    [Test]
    public async Task An_issued_key_authenticates_with_its_role_and_provinces_and_only_its_hash_is_stored()
    {
        var key = await ApiKeys.IssueAsync(_store, Role.ProvinceEditor, ["20", "15"], TimeProvider.System, CancellationToken.None);
        var principal = await new ApiKeyRegistry(_store, TimeProvider.System).AuthenticateAsync(key.PresentedKey, CancellationToken.None);
        Assert.That(principal, Is.Not.Null);
        Assert.That((principal!.KeyId, principal.Role), Is.EqualTo((key.KeyId, Role.ProvinceEditor)));
        Assert.That(principal.Provinces, Is.EquivalentTo(new[] { "15", "20" }));
        var secret = key.PresentedKey.Split('.')[1];
        await foreach (var e in _store.ReadStreamAsync(ApiKeys.StreamOf(key.KeyId), Direction.Forwards, 0, long.MaxValue))
            Assert.That(System.Text.Encoding.UTF8.GetString(e.Data), Does.Not.Contain(secret));
    }

    [Test]
    public async Task A_wrong_secret_an_unknown_key_and_garbage_do_not_authenticate()
    {
        var key = await ApiKeys.IssueAsync(_store, Role.Admin, [], TimeProvider.System, CancellationToken.None);
        var keys = new ApiKeyRegistry(_store, TimeProvider.System);
        Assert.That(keys.Authenticate(key.KeyId + ".wrong"), Is.Null);
        Assert.That(keys.Authenticate("k000000000000.secret"), Is.Null);
        Assert.That(keys.Authenticate("no dot"), Is.Null);
        Assert.That(keys.Authenticate("../etc.passwd"), Is.Null);
        Assert.That(keys.Authenticate(key.PresentedKey), Is.Not.Null);
    }

    [Test]
    public async Task A_revoked_key_no_longer_authenticates()
    {
        var key = await ApiKeys.IssueAsync(_store, Role.Admin, [], TimeProvider.System, CancellationToken.None);
        Assert.That(await ApiKeys.RevokeAsync(_store, key.KeyId, "left", TimeProvider.System, CancellationToken.None), Is.True);
        Assert.That(new ApiKeyRegistry(_store, TimeProvider.System).Authenticate(key.PresentedKey), Is.Null);
    }

    [Test]
    public void An_editor_key_needs_provinces_and_other_keys_have_none()
    {
        Assert.That(ApiKeys.Problem(Role.ProvinceEditor, []), Does.Contain("at least one --province"));
        Assert.That(ApiKeys.Problem(Role.Analyst, ["20"]), Does.Contain("only a province-editor"));
        Assert.That(ApiKeys.Problem(Role.ProvinceEditor, ["Lạng Sơn"]), Does.Contain("not a province code"));
    }
}
