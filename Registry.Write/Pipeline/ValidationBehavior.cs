using Mediator;
using Registry.Write.Provinces;

namespace Registry.Write.Pipeline;

/// <summary>
/// First step: the rules every fact shares (<see cref="CommonFieldRules"/>), the use case's own field rules, and every
/// province code valid on the fact's date. All broken rules are reported together, each at its field.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(ProvinceMapCache provinces, TimeProvider clock) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IWriteRequest
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var errors = new FieldErrors();
        CommonFieldRules.Check(message.Command, errors, CommonFieldRules.Today(clock));
        message.UseCase.Validate(message.Command, errors);
        var named = message.UseCase.ProvincesNamed(message.Command).Where(p => !errors.Has(p.Path)).ToList();
        if (named.Count > 0)
        {
            var map = await provinces.GetAsync(ct);
            var on = message.Command.OccurredOn;
            if (named.Any(p => map.Problem(p.Code, p.On ?? on) is not null)) map = await provinces.RefreshAsync(ct);
            foreach (var p in named)
                if (map.Problem(p.Code, p.On ?? on) is { } problem) errors.Add(p.Path, problem);
        }
        if (errors.Any) throw new CommandRejectedException(CommandError.Invalid(errors.ToDictionary()));
        return await next(message, ct);
    }
}
