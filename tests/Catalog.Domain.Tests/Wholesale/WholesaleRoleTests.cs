using Catalog.Domain.Common;
using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Tests.Wholesale;

public sealed class WholesaleRoleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("wholesale_customer")]
    [InlineData("tier2")]
    [InlineData("_")]
    [InlineData("WholesaleBronze")]
    [InlineData("wholesale-customer")]
    public void Create_ValidKey_KeepsIt(string key)
    {
        var role = WholesaleRole.Create(1, new WholesaleRoleDetails { Key = key, Name = "Wholesale" }, Now).Value;

        role.Key.Should().Be(key);
        role.Version.Should().Be(1);
    }

    [Fact]
    public void Create_ReservedKeyAll_AnswersAViolationAtKey()
    {
        var result = WholesaleRole.Create(1, new WholesaleRoleDetails { Key = "all", Name = "All" }, Now);

        result.Violation!.Field.Should().Be("key");
        result.Value.Should().BeNull();
    }

    [Theory]
    [InlineData("wholesale customer")]
    [InlineData("wholesale.customer")]
    [InlineData("")]
    [InlineData("a b")]
    public void Create_KeyOfAnotherFormat_IsRefusedAsABug(string key)
    {
        var act = () => WholesaleRole.Create(1, new WholesaleRoleDetails { Key = key, Name = "Wholesale" }, Now);

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void IsValidKey_LongerThanTheLimit_IsFalse()
    {
        WholesaleRole.IsValidKey(new string('a', WholesaleConstraints.MaxRoleKeyLength)).Should().BeTrue();
        WholesaleRole.IsValidKey(new string('a', WholesaleConstraints.MaxRoleKeyLength + 1)).Should().BeFalse();
    }

    [Fact]
    public void Update_NewName_BumpsTheVersion()
    {
        var role = WholesaleRole.Create(1, new WholesaleRoleDetails { Key = "gold", Name = "Gold" }, Now).Value;

        role.Update(role.Details with { Name = "Gold buyers" }, Now.AddMinutes(1));

        role.Name.Should().Be("Gold buyers");
        role.Version.Should().Be(2);
    }

    [Fact]
    public void Update_OtherKey_AnswersAViolationAtKey()
    {
        var role = WholesaleRole.Create(1, new WholesaleRoleDetails { Key = "gold", Name = "Gold" }, Now).Value;

        var violation = role.Update(role.Details with { Key = "silver" }, Now);

        violation!.Field.Should().Be("key");
        violation.Message.Should().Contain("cannot be changed");
        (role.Key, role.Version).Should().Be(("gold", 1L));
    }
}
