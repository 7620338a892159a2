from .zz_fixproto import _patched  # noqa: F401
from .test_ws_stale_session import *  # noqa: F401,F403
from .test_deletion_privacy import test_nothing_of_a_deleted_user_stays_on_disk_even_when_a_turn_finishes_meanwhile, test_a_new_account_with_a_freed_login_id_never_recalls_the_old_ones_words  # noqa
from .test_admin_permissions import test_a_user_administrator_cannot_grant_themselves_more_power  # noqa
from .test_ws_access import *  # noqa
from .test_ws_input import test_a_bad_frame_gets_its_error_code_and_stores_nothing  # noqa
