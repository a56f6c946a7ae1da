import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of, throwError } from 'rxjs';
import { ClientsClient } from '../api/l2r-api';
import { settle } from '../../testing/fakes';
import { apiClient, validationProblem } from '../../testing/integrations-fakes';
import { ClientsPage } from './clients-page';

@Component({ template: 'elsewhere' })
class Elsewhere {}

async function render() {
  const client = {
    listClients: vi.fn(() => of([apiClient()])),
    createClient: vi.fn(() =>
      of({
        client: apiClient({ id: 'c2', clientId: 'acme.c2', name: 'CRM sync' }),
        secretId: 's9',
        clientSecret: 'l2r_cs_created',
      }),
    ),
    rotateClientSecret: vi.fn(() =>
      of({
        client: apiClient({
          secrets: [
            { id: 's1', hint: 'aaaa', createdAt: '2026-11-20T09:00:00Z' },
            { id: 's2', hint: 'bbbb', createdAt: '2026-11-27T09:00:00Z' },
          ],
        }),
        secretId: 's2',
        clientSecret: 'l2r_cs_rotated',
      }),
    ),
    endClientSecret: vi.fn(() =>
      of(
        apiClient({
          secrets: [
            {
              id: 's1',
              hint: 'aaaa',
              createdAt: '2026-11-20T09:00:00Z',
              revokedAt: '2026-11-27T09:01:00Z',
            },
            { id: 's2', hint: 'bbbb', createdAt: '2026-11-27T09:00:00Z' },
          ],
        }),
      ),
    ),
    revokeClient: vi.fn(() =>
      of(apiClient({ isActive: false, revokedAt: '2026-11-27T09:00:00Z' })),
    ),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'integrations/clients', component: ClientsPage },
        { path: 'elsewhere', component: Elsewhere },
      ]),
      { provide: ClientsClient, useValue: client },
    ],
  });
  const harness = await RouterTestingHarness.create('/integrations/clients');
  await settle();
  harness.detectChanges();
  const el = harness.routeNativeElement as HTMLElement;
  const q = <T extends Element = HTMLElement>(selector: string) =>
    el.querySelector(selector) as T | null;
  const update = async () => {
    await settle();
    harness.detectChanges();
  };
  const clickText = (text: string) =>
    [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!.click();
  const check = (scope: string) => (q(`[data-scope="${scope}"] input`) as HTMLInputElement).click();
  const submitCreate = async () => {
    q<HTMLFormElement>('[data-testid=create-client]')!.dispatchEvent(new Event('submit'));
    await update();
  };
  return {
    harness,
    client,
    q,
    update,
    clickText,
    check,
    submitCreate,
    el: () => harness.routeNativeElement as HTMLElement,
  };
}

describe('ClientsPage', () => {
  it('sends the name and the ticked scopes, and shows the secret once until put away', async () => {
    const { client, q, update, check, submitCreate } = await render();
    const name = q<HTMLInputElement>('[data-testid=create-client] input[name=name]')!;
    name.value = 'CRM sync';
    name.dispatchEvent(new Event('input'));
    check('leads:write');
    check('leads:read');
    await update();
    await submitCreate();
    // In the catalogue's order, whatever the order of the clicks.
    expect(client.createClient).toHaveBeenCalledWith({
      name: 'CRM sync',
      scopes: ['leads:read', 'leads:write'],
    });
    const box = q('[data-testid=secret-box]')!;
    expect(box.textContent).toContain('you will not see it again');
    expect(q<HTMLInputElement>('[data-testid=secret-value]')!.value).toBe('l2r_cs_created');
    expect(q('[data-testid=secret-client-id]')!.textContent).toBe('acme.c2');

    q<HTMLButtonElement>('[data-testid=secret-done]')!.click();
    await update();
    expect(q('[data-testid=secret-box]')).toBeNull();
  });

  it('drops the secret when the admin leaves the page', async () => {
    const { harness, q, update, check, submitCreate } = await render();
    const name = q<HTMLInputElement>('[data-testid=create-client] input[name=name]')!;
    name.value = 'CRM sync';
    name.dispatchEvent(new Event('input'));
    check('leads:read');
    await update();
    await submitCreate();
    expect(q('[data-testid=secret-box]')).not.toBeNull();

    await harness.navigateByUrl('/elsewhere');
    await harness.navigateByUrl('/integrations/clients');
    await settle();
    harness.detectChanges();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('[data-testid=client-row]')).not.toBeNull();
    expect(page.querySelector('[data-testid=secret-box]')).toBeNull();
    expect(page.textContent).not.toContain('l2r_cs_created');
  });

  it("shows the API's field errors beside the name and the scopes", async () => {
    const { client, q, submitCreate } = await render();
    client.createClient.mockReturnValue(
      throwError(() =>
        validationProblem({
          name: ["'Name' must not be empty."],
          scopes: ['Grant the client at least one scope.'],
        }),
      ),
    );
    await submitCreate();
    expect(q('app-form-field mat-error')!.textContent).toContain("'Name' must not be empty.");
    expect(q('.scopes .field-error')!.textContent).toContain(
      'Grant the client at least one scope.',
    );
    expect(q('[data-testid=problem]')!.textContent).not.toContain('Grant the client');
    expect(q('[data-testid=secret-box]')).toBeNull();
  });

  it('rotates without an overlap when asked, and shows the new secret', async () => {
    const { client, q, update, clickText, el } = await render();
    clickText('Rotate…');
    await update();
    const endNow = [...el().querySelectorAll('mat-radio-button input')][1] as HTMLInputElement;
    endNow.click();
    await update();
    q<HTMLFormElement>('[data-testid=rotate-form]')!.dispatchEvent(new Event('submit'));
    await update();
    expect(client.rotateClientSecret).toHaveBeenCalledWith('c1');
    expect(client.endClientSecret).toHaveBeenCalledWith('c1', 's1');
    expect(q('[data-testid=secret-box] h2')!.textContent).toContain('New secret for Website forms');
    expect(q<HTMLInputElement>('[data-testid=secret-value]')!.value).toBe('l2r_cs_rotated');
    expect(q('[data-testid=rotate-form]')).toBeNull();
    expect(el().querySelectorAll('[data-testid=secret].ended')).toHaveLength(1);
  });

  it('keeps both secrets by default, offering to end either', async () => {
    const { client, q, update, clickText, el } = await render();
    clickText('Rotate…');
    await update();
    q<HTMLFormElement>('[data-testid=rotate-form]')!.dispatchEvent(new Event('submit'));
    await update();
    expect(client.endClientSecret).not.toHaveBeenCalled();
    expect(el().querySelectorAll('[data-testid=secret]:not(.ended)')).toHaveLength(2);
    expect(q('button[aria-label="End secret …aaaa"]')).not.toBeNull();
    // A third secret is refused (409): the form says to end the older one first.
    clickText('Rotate…');
    await update();
    expect(q<HTMLButtonElement>('[data-testid=rotate-form] button[type=submit]')!.disabled).toBe(
      true,
    );
    expect(q('[data-testid=rotate-form]')!.textContent).toContain('end the older one');
  });

  it('revokes only after confirmation', async () => {
    const { client, update, clickText, el } = await render();
    const confirm = vi
      .spyOn(window, 'confirm')
      .mockReturnValueOnce(false)
      .mockReturnValueOnce(true);
    clickText('Revoke');
    await update();
    expect(client.revokeClient).not.toHaveBeenCalled();
    clickText('Revoke');
    await update();
    expect(client.revokeClient).toHaveBeenCalledWith('c1');
    expect(el().querySelector('[data-testid=client-row] .status-chip')!.textContent).toBe(
      'Revoked',
    );
    confirm.mockRestore();
  });
});
