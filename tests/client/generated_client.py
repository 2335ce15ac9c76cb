"""An integrator's first day, with a client generated from openapi/openapi.json by
openapi-python-client (package `kinerja_client`): sign in, read /me, list units, log and submit an
activity, and download a CSV report. Run by tests/client/run.sh against a demo city."""
import datetime
import sys

from kinerja_client import AuthenticatedClient, Client
from kinerja_client.api.activities import create_activity, submit
from kinerja_client.api.auth import login, me
from kinerja_client.api.reports import report
from kinerja_client.api.skp import get_skp, list_skps
from kinerja_client.api.units import list_units
from kinerja_client.models import Activity, LoginRequest, Me, NewActivity, PageUnit, SkpStatus, TokenPair

base = sys.argv[1]
anonymous = Client(base_url=base)
pair = login.sync(client=anonymous, body=LoginRequest(username="dedi", password="kinerja2026"))
assert isinstance(pair, TokenPair), pair
client = AuthenticatedClient(base_url=base, token=pair.access_token)

who = me.sync(client=client)
assert isinstance(who, Me) and who.username == "dedi", who

units = list_units.sync(client=client, per_page=200)
assert isinstance(units, PageUnit) and units.total >= 1 and units.items[0].name, units

today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()
plans = list_skps.sync(client=client, year=today.year, status=SkpStatus.APPROVED)
mine = next(p for p in plans.items if p.employee_id == who.employee.id)
rhk = get_skp.sync(mine.id, client=client).rhk[0].id

logged = create_activity.sync(
    client=client,
    body=NewActivity(date=today, minutes=50, description="Menyusun laporan dari klien yang dibangkitkan", rhk_id=rhk),
)
assert isinstance(logged, Activity), logged
submitted = submit.sync(logged.id, client=client)
assert isinstance(submitted, Activity) and submitted.status.value == "submitted", submitted

head = login.sync(client=anonymous, body=LoginRequest(username="kadinkes", password="kinerja2026"))
head_client = AuthenticatedClient(base_url=base, token=head.access_token)
head_unit = me.sync(client=head_client).employee.unit_id
# The generated functions parse JSON; the CSV of the same report comes through the client's own
# authenticated transport, with the operation's parameters.
assert report.sync(client=head_client, unit_id=head_unit, period=today.strftime("%Y-%m")).total >= 1
csv = head_client.get_httpx_client().get(
    "/api/v1/reports/activities", params={"unit_id": head_unit, "period": today.strftime("%Y-%m"), "format": "csv"}
)
assert csv.status_code == 200, csv
assert csv.headers["content-type"].startswith("text/csv"), csv.headers
assert "Menyusun laporan dari klien yang dibangkitkan" in csv.content.decode(), csv.content[:500]
print("generated client: signed in, /me, units, an activity logged and submitted, a CSV report")
