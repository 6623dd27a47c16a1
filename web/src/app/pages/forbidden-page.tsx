import { Button, Result } from 'antd'
import { Link } from 'react-router-dom'
import { useDocumentTitle } from '../../shared/page'

export function ForbiddenPage() {
  useDocumentTitle('无权访问')
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有查看此页面的权限。如确需办理，请联系系统管理员调整角色。"
      extra={
        <Link to="/home">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  )
}
